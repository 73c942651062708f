using Microsoft.Data.Sqlite;
using Npgsql;

namespace ReformTrack.Testing;

/// <summary>
/// The demo programme is loaded once per database kind in a test run, by a test host exactly as
/// every demo host used to load it (same clock, same services, demo users included); each demo
/// host then starts on a copy: the SQLite file copied, or a PostgreSQL database made from it as
/// a template. The templates are removed when the test process ends.
/// </summary>
public static class DemoTemplates
{
    private static readonly Lazy<SqliteTestDatabase> SqliteTemplate = new(() => Seed(new SqliteTestDatabase()));

    private static readonly Lazy<string> PostgresTemplate = new(() =>
    {
        var database = Seed(new PostgresTestDatabase());
        // A database is a template only while no one is connected to it: the host's idle connections go.
        NpgsqlConnection.ClearAllPools();
        return database.Name;
    });

    private static readonly List<TestDatabase> Templates = [];

    static DemoTemplates() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        lock (Templates)
        {
            foreach (var template in Templates)
            {
                template.Dispose();
            }
        }
    };

    /// <summary>The seeded SQLite demo database, closed, to copy.</summary>
    public static SqliteTestDatabase Sqlite => SqliteTemplate.Value;

    /// <summary>The name of the seeded PostgreSQL demo database, with no open connection, to use as a template.</summary>
    public static string Postgres => PostgresTemplate.Value;

    private static T Seed<T>(T database) where T : TestDatabase
    {
        lock (Templates)
        {
            Templates.Add(database);
        }

        using (var host = new TemplateHost(database))
        {
            // Starting the host migrates the database and loads the demo.
            _ = host.Services;
        }

        SqliteConnection.ClearAllPools();
        return database;
    }

    private sealed class TemplateHost(TestDatabase database) : ReformTrackApp(database, seedDemo: true, ownsDatabase: false);
}
