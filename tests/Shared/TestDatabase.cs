using Microsoft.Data.Sqlite;
using Npgsql;

namespace ReformTrack.Testing;

/// <summary>A database that a test host owns for its lifetime: a temp SQLite file, or a fresh PostgreSQL database.</summary>
public abstract class TestDatabase : IDisposable
{
    public abstract string Provider { get; }
    public abstract string ConnectionString { get; }

    /// <summary>Why this database cannot be used here, or null when it can.</summary>
    public virtual string? Unavailable => null;

    public abstract void Dispose();
}

public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _directory = Directory.CreateTempSubdirectory("reformtrack-test-").FullName;

    /// <summary>An empty database, or a copy of <paramref name="template"/>'s file (closed, with its WAL if any).</summary>
    public SqliteTestDatabase(SqliteTestDatabase? template = null)
    {
        if (template is null)
        {
            return;
        }

        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(template.FilePath + suffix))
            {
                File.Copy(template.FilePath + suffix, FilePath + suffix);
            }
        }
    }

    public override string Provider => "Sqlite";
    public string FilePath => Path.Combine(_directory, "reformtrack.db");
    public override string ConnectionString => $"Data Source={FilePath}";

    public override void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing request; the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>
/// A fresh database on the PostgreSQL server named by <c>REFORMTRACK_TEST_POSTGRES</c>
/// (a connection string to a database the tests may create databases from). scripts/test
/// starts such a server on loopback and sets the variable.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    public const string Variable = "REFORMTRACK_TEST_POSTGRES";

    private readonly string? _admin = Environment.GetEnvironmentVariable(Variable);
    private readonly string _name = "rt_" + Guid.NewGuid().ToString("N")[..16];
    private readonly Func<string>? _template;
    private bool _created;

    /// <summary>An empty database, or (when <paramref name="template"/> is given) a copy of the database it names, made when first used.</summary>
    public PostgresTestDatabase(Func<string>? template = null) => _template = template;

    /// <summary>This database's name on the server.</summary>
    public string Name => _name;

    public override string Provider => "Postgres";

    public override string? Unavailable => string.IsNullOrWhiteSpace(_admin)
        ? $"PostgreSQL is not available: {Variable} is not set (scripts/test starts a server and sets it)."
        : null;

    public override string ConnectionString
    {
        get
        {
            if (Unavailable is { } reason)
            {
                throw new InvalidOperationException(reason);
            }

            if (!_created)
            {
                var template = _template?.Invoke();
                using var connection = new NpgsqlConnection(_admin);
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = template is null
                    ? $"CREATE DATABASE \"{_name}\""
                    : $"CREATE DATABASE \"{_name}\" TEMPLATE \"{template}\"";
                command.ExecuteNonQuery();
                _created = true;
            }

            return new NpgsqlConnectionStringBuilder(_admin) { Database = _name, MaxPoolSize = 50 }.ToString();
        }
    }

    public override void Dispose()
    {
        if (!_created)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }
}
