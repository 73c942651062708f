using Microsoft.EntityFrameworkCore;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace ReformTrack.Data.Synthetic;

/// <summary>
/// Writes whole tables into an empty database in one transaction, bypassing EF Core's change
/// tracking: secondary indexes are dropped first and built once at the end, which is much
/// cheaper than maintaining them row by row.
/// </summary>
internal abstract class BulkLoader : IAsyncDisposable
{
    public static BulkLoader For(ReformDbContext db) =>
        db.IsSqlite
            ? new SqliteBulkLoader(db.Database.GetConnectionString()!)
            : new PostgresBulkLoader(db.Database.GetConnectionString()!);

    public abstract Task BeginAsync(IReadOnlyList<string> tables, CancellationToken cancellationToken);

    /// <summary>Writes the rows and returns how many there were.</summary>
    public abstract Task<long> LoadAsync(BulkTable table, CancellationToken cancellationToken);

    /// <summary>Rebuilds the indexes and commits.</summary>
    public abstract Task CommitAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    protected static string Quote(string name) => $"\"{name}\"";
}

/// <summary>SQLite: prepared multi-row INSERTs, no journal for the fresh pages, WAL again afterwards.</summary>
internal sealed class SqliteBulkLoader(string connectionString) : BulkLoader
{
    // SQLite looks a named parameter up by a linear scan, so very wide statements bind in
    // quadratic time; a few hundred parameters a statement is the sweet spot.
    private const int MaxParameters = 320;
    private const int MaxRowsPerStatement = 64;

    private readonly SqliteConnection connection = new(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
    private readonly List<string> indexes = [];
    private SqliteTransaction? transaction;

    public override async Task BeginAsync(IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync("PRAGMA journal_mode=DELETE; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; " +
                           "PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;", cancellationToken);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (" +
                                  string.Join(", ", tables.Select(t => $"'{t}'")) + ")";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add(reader.GetString(1));
                indexes.Add(reader.GetString(0));
            }
        }

        transaction = connection.BeginTransaction();
        for (var i = 1; i < indexes.Count; i += 2)
        {
            await ExecuteAsync($"DROP INDEX {Quote(indexes[i])}", cancellationToken);
        }
    }

    public override async Task<long> LoadAsync(BulkTable table, CancellationToken cancellationToken)
    {
        var columns = table.Columns.Count;
        var perStatement = Math.Clamp(MaxParameters / columns, 1, MaxRowsPerStatement);
        await using var full = Insert(table, perStatement);
        full.Prepare();
        var buffer = new List<object?[]>(perStatement);
        long count = 0;
        foreach (var row in table.Rows)
        {
            buffer.Add(row);
            if (buffer.Count == perStatement)
            {
                Bind(full, buffer, columns);
                await full.ExecuteNonQueryAsync(cancellationToken);
                count += buffer.Count;
                buffer.Clear();
            }
        }

        if (buffer.Count > 0)
        {
            await using var rest = Insert(table, buffer.Count);
            Bind(rest, buffer, columns);
            await rest.ExecuteNonQueryAsync(cancellationToken);
            count += buffer.Count;
        }

        return count;
    }

    public override async Task CommitAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < indexes.Count; i += 2)
        {
            await ExecuteAsync(indexes[i], cancellationToken);
        }

        await transaction!.CommitAsync(cancellationToken);
        await transaction.DisposeAsync();
        transaction = null;
        await ExecuteAsync("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;", cancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        if (transaction is not null)
        {
            await transaction.DisposeAsync();
        }

        await connection.DisposeAsync();
    }

    private SqliteCommand Insert(BulkTable table, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var text = new StringBuilder($"INSERT INTO {Quote(table.Name)} ({string.Join(", ", table.Columns.Select(Quote))}) VALUES ");
        var columns = table.Columns.Count;
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns; c++)
            {
                var name = $"$p{(r * columns) + c}";
                text.Append(c == 0 ? name : ", " + name);
                command.Parameters.Add(new SqliteParameter(name, null));
            }

            text.Append(')');
        }

        command.CommandText = text.ToString();
        return command;
    }

    private static void Bind(SqliteCommand command, List<object?[]> rows, int columns)
    {
        var parameters = command.Parameters;
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            for (var c = 0; c < columns; c++)
            {
                parameters[(r * columns) + c].Value = ToSqlite(row[c]);
            }
        }
    }

    /// <summary>The text forms EF Core's SQLite provider writes and reads.</summary>
    private static object ToSqlite(object? value) => value switch
    {
        null => DBNull.Value,
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        bool flag => flag ? 1L : 0L,
        string[] list => JsonSerializer.Serialize(list),
        _ => value,
    };

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>PostgreSQL: binary COPY per table, identity sequences moved past the loaded ids, then ANALYZE.</summary>
internal sealed class PostgresBulkLoader(string connectionString) : BulkLoader
{
    private readonly NpgsqlConnection connection = new(connectionString);
    private readonly List<(string Name, string Definition)> indexes = [];
    private readonly List<string> tablesWithId = [];
    private NpgsqlTransaction? transaction;

    public override async Task BeginAsync(IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        await connection.OpenAsync(cancellationToken);
        transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(
                         "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ANY(@tables) " +
                         "AND indexname NOT IN (SELECT conname FROM pg_constraint)", connection, transaction))
        {
            command.Parameters.AddWithValue("tables", tables.ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync($"DROP INDEX {Quote(name)}", cancellationToken);
        }
    }

    public override async Task<long> LoadAsync(BulkTable table, CancellationToken cancellationToken)
    {
        if (table.Columns.Contains("Id"))
        {
            tablesWithId.Add(table.Name);
        }

        long count = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(
                         $"COPY {Quote(table.Name)} ({string.Join(", ", table.Columns.Select(Quote))}) FROM STDIN (FORMAT BINARY)",
                         cancellationToken))
        {
            foreach (var row in table.Rows)
            {
                await importer.StartRowAsync(cancellationToken);
                foreach (var value in row)
                {
                    Write(importer, value);
                }

                count++;
            }

            await importer.CompleteAsync(cancellationToken);
        }

        return count;
    }

    public override async Task CommitAsync(CancellationToken cancellationToken)
    {
        foreach (var (_, definition) in indexes)
        {
            await ExecuteAsync(definition, cancellationToken);
        }

        foreach (var table in tablesWithId)
        {
            await ExecuteAsync($"SELECT setval(pg_get_serial_sequence('{Quote(table)}', 'Id'), " +
                               $"(SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM {Quote(table)}), false)", cancellationToken);
        }

        await transaction!.CommitAsync(cancellationToken);
        await transaction.DisposeAsync();
        transaction = null;
        await ExecuteAsync("ANALYZE", cancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        if (transaction is not null)
        {
            await transaction.DisposeAsync();
        }

        await connection.DisposeAsync();
    }

    private static void Write(NpgsqlBinaryImporter importer, object? value)
    {
        switch (value)
        {
            case null:
                importer.WriteNull();
                break;
            case int number:
                importer.Write(number, NpgsqlDbType.Integer);
                break;
            case string text:
                importer.Write(text, NpgsqlDbType.Text);
                break;
            case double number:
                importer.Write(number, NpgsqlDbType.Double);
                break;
            case bool flag:
                importer.Write(flag, NpgsqlDbType.Boolean);
                break;
            case DateOnly day:
                importer.Write(day, NpgsqlDbType.Date);
                break;
            case DateTime time:
                importer.Write(time, NpgsqlDbType.TimestampTz);
                break;
            case string[] list:
                importer.Write(list, NpgsqlDbType.Array | NpgsqlDbType.Text);
                break;
            default:
                throw new ArgumentException($"No COPY mapping for {value.GetType()}.", nameof(value));
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
