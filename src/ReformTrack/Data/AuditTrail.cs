using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using ReformTrack.Modules.Accounts;
using ReformTrack.Modules.Audit;
using Npgsql;
using NpgsqlTypes;
using ReformTrack.Shared;

namespace ReformTrack.Data;

/// <summary>
/// Writes the audit entries of a save in the save's own transaction: the changes are captured
/// before saving (their old values), saved, then one entry per changed entity is appended to the
/// hash chain while a lock serialises writers (an advisory lock on PostgreSQL, taken in the same
/// round trip as the append; on SQLite the write transaction itself is exclusive).
/// </summary>
internal static class AuditTrail
{
    /// <summary>The key of the PostgreSQL advisory lock that serialises appends to the chain.</summary>
    public const long ChainLock = 815_002_2026;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A change as captured before saving; <see cref="Key"/> is null for a new entity until it has its id.</summary>
    internal sealed record Change(EntityEntry Entry, AuditAction Action, string? Key, string? Before);

    /// <summary>Changes of domain entities (not of accounts, tokens or the trail itself), with their values before.</summary>
    public static List<Change> Capture(ChangeTracker tracker) =>
        tracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(e.Entity))
            .Select(e => new Change(e,
                e.State switch
                {
                    EntityState.Added => AuditAction.Created,
                    EntityState.Deleted => AuditAction.Deleted,
                    _ => AuditAction.Updated,
                },
                e.State == EntityState.Added ? null : KeyOf(e),
                e.State == EntityState.Added ? null : Values(e, original: true)))
            .ToList();

    private static bool IsAudited(object entity) =>
        entity is not (AuditEntry or AccessToken or User or IdentityUserClaim<int> or IdentityUserLogin<int> or IdentityUserToken<int>);

    /// <summary>
    /// Appends one entry per change to the chain, in the save's transaction. Everything but the
    /// entries' place in the chain is worked out first; only then is the chain locked, so writers
    /// wait for each other only as long as it takes to read the last entry and add theirs.
    /// </summary>
    /// <param name="commit">
    /// The save owns its transaction: on PostgreSQL the append also commits it, in the same round
    /// trip, so the chain is locked only while the server works (the caller's own commit then ends
    /// an empty transaction).
    /// </param>
    /// <returns>Whether entries were added to the change tracker and still need saving (SQLite).</returns>
    public static async Task<bool> AppendAsync(ReformDbContext db, List<Change> changes, bool commit, CancellationToken cancellationToken)
    {
        var (at, actor) = Stamp(db);
        var entries = changes.Select(change => new AuditEntry
            {
                At = at,
                Actor = actor,
                Entity = change.Entry.Metadata.ClrType.Name,
                EntityId = change.Key ?? KeyOf(change.Entry),
                Action = change.Action,
                Before = change.Before,
                After = change.Action == AuditAction.Deleted ? null : Values(change.Entry, original: false),
            })
            .ToList();

        if (db.IsSqlite)
        {
            // The write transaction is exclusive on SQLite: nobody can append between the read and the insert.
            await ChainInProcessAsync(db, entries, cancellationToken);
            return true;
        }

        await ChainOnServerAsync(db, entries, commit, cancellationToken);
        return false;
    }

    private static async Task ChainInProcessAsync(ReformDbContext db, List<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var (id, previous) = await ChainHeadAsync(db, cancellationToken);
        foreach (var entry in entries)
        {
            entry.Id = ++id;
            entry.PreviousHash = previous;
            entry.Hash = entry.ComputeHash();
            previous = entry.Hash;
            db.AuditEntries.Add(entry);
        }
    }

    /// <summary>
    /// On PostgreSQL one round trip takes the chain's advisory lock (held until the transaction
    /// ends) and inserts the entries, each numbered after the last one and hashed by the server over
    /// the same text as <see cref="AuditEntry.ComputeHash"/>. Each statement of the batch reads the
    /// chain after the lock is taken and sees the entries inserted before it. With
    /// <paramref name="commit"/> the batch ends with COMMIT (which releases the lock) and opens an
    /// empty transaction for the caller's commit, so no other writer waits for this one's next round
    /// trip (ADR 0033). A failing statement aborts the rest of the batch, COMMIT included.
    /// </summary>
    private static async Task ChainOnServerAsync(ReformDbContext db, List<AuditEntry> entries, bool commit,
        CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (db.Database.GetCommandTimeout() is { } timeout)
        {
            batch.Timeout = timeout;
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock({ChainLock})"));
        foreach (var entry in entries)
        {
            var append = new NpgsqlBatchCommand(AppendSql);
            append.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = entry.At });
            append.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Varchar, Value = entry.Actor });
            append.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Varchar, Value = entry.Entity });
            append.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Varchar, Value = entry.EntityId });
            append.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Varchar, Value = entry.Action.ToString() });
            append.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)entry.Before ?? DBNull.Value });
            append.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)entry.After ?? DBNull.Value });
            // The body may hold NUL (how the hash spells a missing value), which PostgreSQL text cannot: it travels as bytes.
            append.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = Encoding.UTF8.GetBytes(entry.Body()) });
            batch.BatchCommands.Add(append);
        }

        if (commit)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Inserts one entry after the last: number, previous hash and hash worked out by the server.</summary>
    private const string AppendSql = $"""
        INSERT INTO "AuditEntries" ("Id", "At", "Actor", "Entity", "EntityId", "Action", "Before", "After", "PreviousHash", "Hash")
        SELECT head.id, $1, $2, $3, $4, $5, $6, $7, head.previous,
            encode(sha256(convert_to(length(head.id::text) || ':' || head.id::text || '|', 'UTF8') || $8
                || convert_to(length(head.previous) || ':' || head.previous || '|', 'UTF8')), 'hex')
        FROM (SELECT COALESCE(last."Id", 0) + 1 AS id, COALESCE(last."Hash", '{AuditEntry.Genesis}') AS previous
              FROM (SELECT 1) AS one
              LEFT JOIN (SELECT "Id", "Hash" FROM "AuditEntries" ORDER BY "Id" DESC LIMIT 1) AS last ON TRUE) AS head
        """;

    /// <summary>When and by whom: whole milliseconds, which both databases keep exactly, so the hash reads the same back.</summary>
    private static (DateTime At, string Actor) Stamp(ReformDbContext db)
    {
        var clock = ((IInfrastructure<IServiceProvider>)db).Instance.GetService<TimeProvider>() ?? TimeProvider.System;
        var now = clock.GetUtcNow().UtcDateTime;
        return (new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc), Acting.Actor ?? "system");
    }

    private static string KeyOf(EntityEntry entry) =>
        Key(entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));

    /// <summary>An entity's key as an entry names it: its key values, comma-separated.</summary>
    private static string Key(IEnumerable<object?> values) =>
        string.Join(",", values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));

    private static string Values(EntityEntry entry, bool original) =>
        Json(entry.Properties.Select(p => (p.Metadata.Name, original ? p.OriginalValue : p.CurrentValue)));

    /// <summary>An entity's values as an entry holds them: a JSON object with the properties in name order.</summary>
    private static string Json(IEnumerable<(string Name, object? Value)> properties)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in properties)
        {
            values[name] = value;
        }

        return JsonSerializer.Serialize(values, JsonOptions);
    }

    /// <summary>Entries are worked out and written this many at a time, so a large insert never holds all its entries at once.</summary>
    private const int CreatedChunk = 4096;

    /// <summary>
    /// Appends a "Created" entry for each of <paramref name="entities"/>, written without the change
    /// tracker (<see cref="BulkInsert"/>): the same entity name, key and values after as a save of
    /// the tracked entity would give, chained after the last entry while the chain is locked until
    /// the transaction ends (on PostgreSQL the advisory lock; on SQLite the write transaction).
    /// </summary>
    public static async Task AppendCreatedAsync<T>(ReformDbContext db, IEntityType type, IReadOnlyList<T> entities,
        CancellationToken cancellationToken) where T : class
    {
        var (at, actor) = Stamp(db);
        var properties = type.GetProperties().Select(p => (p.Name, Read: (Func<object?, object?>)p.PropertyInfo!.GetValue)).ToList();
        var key = type.FindPrimaryKey()!.Properties.Select(p => (Func<object?, object?>)p.PropertyInfo!.GetValue).ToList();

        var (id, previous) = await ChainHeadAsync(db, cancellationToken);

        // The next chunk's entries are worked out on another thread while this one's are written.
        List<AuditEntry> Build(int start)
        {
            var chunk = new List<AuditEntry>(Math.Min(CreatedChunk, entities.Count - start));
            for (var i = start; i < Math.Min(start + CreatedChunk, entities.Count); i++)
            {
                var entity = entities[i];
                var entry = new AuditEntry
                {
                    Id = ++id,
                    At = at,
                    Actor = actor,
                    Entity = type.ClrType.Name,
                    EntityId = Key(key.Select(k => k(entity))),
                    Action = AuditAction.Created,
                    After = Json(properties.Select(p => (p.Name, p.Read(entity)))),
                    PreviousHash = previous,
                };
                entry.Hash = entry.ComputeHash();
                previous = entry.Hash;
                chunk.Add(entry);
            }

            return chunk;
        }

        var next = Task.Run(() => Build(0), cancellationToken);
        for (var start = 0; start < entities.Count; start += CreatedChunk)
        {
            var chunk = await next;
            var following = start + CreatedChunk;
            if (following < entities.Count)
            {
                next = Task.Run(() => Build(following), cancellationToken);
            }

            await BulkInsert.WriteAsync(db, chunk, cancellationToken);
        }
    }

    /// <summary>The last entry's number and hash, read after locking the chain until the transaction ends.</summary>
    private static async Task<(long Id, string Hash)> ChainHeadAsync(ReformDbContext db, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = (db.IsSqlite ? "" : $"SELECT pg_advisory_xact_lock({ChainLock}); ") +
                              "SELECT \"Id\", \"Hash\" FROM \"AuditEntries\" ORDER BY \"Id\" DESC LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!db.IsSqlite)
        {
            await reader.NextResultAsync(cancellationToken);
        }

        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : (0, AuditEntry.Genesis);
    }
}
