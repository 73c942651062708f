using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ReformTrack.Modules.Accounts;
using ReformTrack.Modules.Audit;
using ReformTrack.Shared;

namespace ReformTrack.Data;

/// <summary>
/// Writes the audit entries of a save in the save's own transaction: the changes are captured
/// before saving (their old values), saved, then one entry per changed entity is appended to the
/// hash chain while a lock serialises writers (an advisory lock on PostgreSQL; on SQLite the
/// write transaction itself is exclusive).
/// </summary>
internal static class AuditTrail
{
    /// <summary>The key of the PostgreSQL advisory lock that serialises appends to the chain.</summary>
    public const long ChainLock = 815_002_2026;

    private static readonly JsonSerializerOptions Json = new()
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

    public static async Task AppendAsync(ReformDbContext db, List<Change> changes, CancellationToken cancellationToken)
    {
        if (!db.IsSqlite)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ChainLock})", cancellationToken);
        }

        var last = await db.AuditEntries.OrderByDescending(a => a.Id).Select(a => new { a.Id, a.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var id = last?.Id ?? 0;
        var previous = last?.Hash ?? AuditEntry.Genesis;
        var clock = ((IInfrastructure<IServiceProvider>)db).Instance.GetService<TimeProvider>() ?? TimeProvider.System;
        // Whole milliseconds: both databases keep them exactly, so the hash reads the same back.
        var now = clock.GetUtcNow().UtcDateTime;
        var at = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        var actor = Acting.Actor ?? "system";
        foreach (var change in changes)
        {
            var entry = new AuditEntry
            {
                Id = ++id,
                At = at,
                Actor = actor,
                Entity = change.Entry.Metadata.ClrType.Name,
                EntityId = change.Key ?? KeyOf(change.Entry),
                Action = change.Action,
                Before = change.Before,
                After = change.Action == AuditAction.Deleted ? null : Values(change.Entry, original: false),
                PreviousHash = previous,
            };
            entry.Hash = entry.ComputeHash();
            previous = entry.Hash;
            db.AuditEntries.Add(entry);
        }
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties
            .Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));

    private static string Values(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            values[property.Metadata.Name] = original ? property.OriginalValue : property.CurrentValue;
        }

        return JsonSerializer.Serialize(values, Json);
    }
}
