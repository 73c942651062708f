using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Audit;

internal sealed record AuditFilter(string? Entity, string? EntityId, string? Actor, DateTime? From, DateTime? To);

internal sealed record AuditRow(long Id, DateTime At, string Actor, string Entity, string EntityId, AuditAction Action,
    string? Before, string? After, string Hash);

/// <summary>The audit trail, newest first, by entity, actor and time.</summary>
internal sealed class ListAudit(IDbContextFactory<ReformDbContext> dbFactory)
{
    public async Task<Page<AuditRow>> RunAsync(AuditFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Entity))
        {
            query = query.Where(a => a.Entity == filter.Entity.Trim());
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            query = query.Where(a => a.EntityId == filter.EntityId.Trim());
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            query = query.Where(a => a.Actor.Contains(actor));
        }

        if (filter.From is { } from)
        {
            var fromUtc = DateTime.SpecifyKind(from.ToUniversalTime(), DateTimeKind.Utc);
            query = query.Where(a => a.At >= fromUtc);
        }

        if (filter.To is { } to)
        {
            var toUtc = DateTime.SpecifyKind(to.ToUniversalTime(), DateTimeKind.Utc);
            query = query.Where(a => a.At < toUtc);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(a => a.Id).Skip(page.Skip).Take(page.Size)
            .Select(a => new AuditRow(a.Id, a.At, a.Actor, a.Entity, a.EntityId, a.Action, a.Before, a.After, a.Hash))
            .ToListAsync(cancellationToken);
        return new Page<AuditRow>(items, total, page.Number, page.Size);
    }
}

/// <summary>The result of walking the chain: the first entry whose link is broken, if any.</summary>
internal sealed record AuditVerification(long Checked, long? FirstBrokenId, string? Problem)
{
    public bool Intact => FirstBrokenId is null;
}

/// <summary>Walks the whole chain in order and names the first entry that does not hold.</summary>
internal sealed class VerifyAudit(IDbContextFactory<ReformDbContext> dbFactory)
{
    private const int Batch = 2000;

    public async Task<AuditVerification> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        long expectedId = 1;
        var previous = AuditEntry.Genesis;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking().Where(a => a.Id >= expectedId).OrderBy(a => a.Id).Take(Batch)
                .ToListAsync(cancellationToken);
            foreach (var entry in batch)
            {
                if (entry.Id != expectedId)
                {
                    return new AuditVerification(expectedId - 1, expectedId, $"entry {expectedId} is missing");
                }

                if (entry.PreviousHash != previous)
                {
                    return new AuditVerification(expectedId - 1, entry.Id, $"entry {entry.Id} does not follow the hash of entry {entry.Id - 1}");
                }

                if (entry.ComputeHash() != entry.Hash)
                {
                    return new AuditVerification(expectedId - 1, entry.Id, $"entry {entry.Id} was changed after it was written");
                }

                previous = entry.Hash;
                expectedId++;
            }

            if (batch.Count < Batch)
            {
                return new AuditVerification(expectedId - 1, null, null);
            }
        }
    }
}
