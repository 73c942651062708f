using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using ReformTrack.Shared;

namespace ReformTrack.Data;

/// <summary>
/// Writes many new rows of one entity type in the context's open transaction without EF Core's
/// change tracker, for imports of tens of thousands of rows, where tracking each entity costs far
/// more than writing it. Generated ids are reserved first and set on the entities (so rows that
/// refer to them can follow), versioned entities start at version 1 as on any save, the rows go in
/// as multi-row INSERTs with the model's own column types and conversions, and each row gets its
/// "Created" audit entry in the same hash chain as every other save (ADR 0037).
/// </summary>
internal static class BulkInsert
{
    // SQLite finds each named parameter by a linear scan of the statement's names, so binding a
    // statement takes time in the square of its parameters: a few rows a statement binds fastest.
    private const int SqliteParameters = 100;
    private const int PostgresParameters = 16_000;
    private const int MaxRowsPerStatement = 1000;

    public static async Task InsertAsync<T>(ReformDbContext db, IReadOnlyList<T> entities, CancellationToken cancellationToken)
        where T : class
    {
        if (entities.Count == 0)
        {
            return;
        }

        var (_, type, table) = Target<T>(db);
        var key = type.FindPrimaryKey()!.Properties;
        if (key.Any(k => k.ValueGenerated == ValueGenerated.OnAdd))
        {
            if (key is not [{ } generated] || generated.ClrType != typeof(int))
            {
                throw new NotSupportedException($"{type.DisplayName()}: only a single generated int key is reserved in bulk.");
            }

            var ids = await ReserveIdsAsync(db, table, generated, entities.Count, cancellationToken);
            for (var i = 0; i < entities.Count; i++)
            {
                generated.PropertyInfo!.SetValue(entities[i], ids[i]);
            }
        }

        foreach (var versioned in entities.OfType<IVersioned>())
        {
            versioned.Version = 1;
        }

        await WriteAsync(db, entities, cancellationToken);
        await AuditTrail.AppendCreatedAsync(db, type, entities, cancellationToken);
    }

    /// <summary>
    /// On SQLite, a page cache of 256 MB instead of 2 MB on this connection until disposed, so that
    /// the pages of the indexes a large insert touches stay in memory rather than being read and
    /// written again for each row. The connection goes back to the pool with the default cache.
    /// </summary>
    public static async Task<IAsyncDisposable> LargePageCacheAsync(ReformDbContext db, CancellationToken cancellationToken)
    {
        if (!db.IsSqlite)
        {
            return new PageCache(null);
        }

        await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size=-262144", cancellationToken);
        return new PageCache(db);
    }

    private sealed class PageCache(ReformDbContext? db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (db is not null)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size=-2000");
            }
        }
    }

    /// <summary>Writes the rows as they are, ids included, with no audit entry: for the audit trail's own entries.</summary>
    public static async Task WriteAsync<T>(ReformDbContext db, IReadOnlyList<T> entities, CancellationToken cancellationToken)
        where T : class
    {
        if (entities.Count == 0)
        {
            return;
        }

        var (transaction, type, table) = Target<T>(db);
        await WriteRowsAsync(db, transaction, table, Columns(type, table), entities, cancellationToken);
    }

    /// <summary>The caller's open transaction, the entity type of <typeparamref name="T"/> and its table.</summary>
    private static (DbTransaction Transaction, IEntityType Type, StoreObjectIdentifier Table) Target<T>(ReformDbContext db)
    {
        var transaction = db.Database.CurrentTransaction
                          ?? throw new InvalidOperationException("A bulk insert runs in the caller's transaction.");
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity.");
        return (transaction.GetDbTransaction(), type, StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema()));
    }

    /// <summary>A column of the table: its name, the model's type mapping, and how to read its value from an entity.</summary>
    private sealed record Column(string Name, RelationalTypeMapping Mapping, Func<object, object?> Read);

    private static List<Column> Columns(IEntityType type, StoreObjectIdentifier table)
    {
        var columns = type.GetProperties()
            .Select(p => new Column(p.GetColumnName(table)!, (RelationalTypeMapping)p.GetTypeMapping(), Getter(p)))
            .ToList();
        foreach (var complex in type.GetComplexProperties())
        {
            var outer = complex.PropertyInfo ?? throw new NotSupportedException($"{complex.Name} is not a CLR property.");
            foreach (var property in complex.ComplexType.GetProperties())
            {
                var inner = property.PropertyInfo ?? throw new NotSupportedException($"{property.Name} is not a CLR property.");
                columns.Add(new Column(property.GetColumnName(table)!, (RelationalTypeMapping)property.GetTypeMapping(),
                    entity => outer.GetValue(entity) is { } value ? inner.GetValue(value) : null));
            }
        }

        return columns;
    }

    private static Func<object, object?> Getter(IProperty property)
    {
        var info = property.PropertyInfo
                   ?? throw new NotSupportedException($"{property.DeclaringType.DisplayName()}.{property.Name} has no CLR property to read.");
        return info.GetValue;
    }

    /// <summary>
    /// Ids no other writer can take. SQLite: the write transaction is exclusive, so the ids after the
    /// highest ever given (AUTOINCREMENT's counter; a deleted row's id is never reused). PostgreSQL:
    /// taken from the column's sequence, as any insert would.
    /// </summary>
    private static async Task<int[]> ReserveIdsAsync(ReformDbContext db, StoreObjectIdentifier table, IProperty key, int count,
        CancellationToken cancellationToken)
    {
        var column = key.GetColumnName(table)!;
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        if (db.IsSqlite)
        {
            command.CommandText = $"""
                SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{table.Name}'), 0),
                           COALESCE((SELECT MAX("{column}") FROM "{table.Name}"), 0))
                """;
            var last = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            return Enumerable.Range(last + 1, count).ToArray();
        }

        command.CommandText = $"SELECT nextval(pg_get_serial_sequence('{Quoted(table)}', '{column}'))::int FROM generate_series(1, {count})";
        var ids = new int[count];
        var i = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids[i++] = reader.GetInt32(0);
        }

        return ids;
    }

    private static async Task WriteRowsAsync<T>(ReformDbContext db, DbTransaction transaction, StoreObjectIdentifier table,
        List<Column> columns, IReadOnlyList<T> entities, CancellationToken cancellationToken) where T : class
    {
        var perStatement = Math.Clamp((db.IsSqlite ? SqliteParameters : PostgresParameters) / columns.Count, 1, MaxRowsPerStatement);
        var connection = db.Database.GetDbConnection();
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < entities.Count; start += perStatement)
            {
                var rows = Math.Min(perStatement, entities.Count - start);
                DbCommand command;
                if (rows == perStatement)
                {
                    full ??= await PrepareAsync(connection, transaction, Quoted(table), columns, rows, cancellationToken);
                    command = full;
                }
                else
                {
                    command = await PrepareAsync(connection, transaction, Quoted(table), columns, rows, cancellationToken);
                }

                try
                {
                    var p = 0;
                    for (var r = start; r < start + rows; r++)
                    {
                        var entity = entities[r];
                        foreach (var column in columns)
                        {
                            command.Parameters[p++].Value = ProviderValue(column.Mapping, column.Read(entity));
                        }
                    }

                    command.CommandTimeout = db.Database.GetCommandTimeout() ?? command.CommandTimeout;
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                finally
                {
                    if (command != full)
                    {
                        await command.DisposeAsync();
                    }
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }
    }

    private static async Task<DbCommand> PrepareAsync(DbConnection connection, DbTransaction transaction, string table,
        List<Column> columns, int rows, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new System.Text.StringBuilder()
            .Append("INSERT INTO ").Append(table).Append(" (")
            .AppendJoin(", ", columns.Select(c => $"\"{c.Name}\""))
            .Append(") VALUES ");
        var p = 0;
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = $"@p{p++}";
                sql.Append(c == 0 ? "" : ", ").Append(name);
                command.Parameters.Add(columns[c].Mapping.CreateParameter(command, name, null, nullable: true));
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        await command.PrepareAsync(cancellationToken);
        return command;
    }

    private static string Quoted(StoreObjectIdentifier table) =>
        table.Schema is null ? $"\"{table.Name}\"" : $"\"{table.Schema}\".\"{table.Name}\"";

    /// <summary>A value as the provider stores it, through the model's conversion (enum names, JSON lists).</summary>
    private static object ProviderValue(RelationalTypeMapping mapping, object? value) =>
        (value is null ? null : mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
}
