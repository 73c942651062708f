using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Chronicle;

/// <summary>What a derivation did: how many facts the sources yielded and how many were new.</summary>
internal sealed record DerivationResult(int Facts, int Added);

/// <summary>
/// Collects the facts of every registered <see cref="IChronicleSource"/> and stores those whose key
/// is new, in one transaction. Existing events (edited or not) and tombstones of deleted ones keep
/// their key, so deriving again adds nothing and changes nothing.
/// </summary>
internal sealed class DeriveChronicle(IDbContextFactory<ReformDbContext> dbFactory, IEnumerable<IChronicleSource> sources)
{
    public async Task<DerivationResult> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await RunAsync(db, cancellationToken);
    }

    /// <summary>Derives within <paramref name="db"/> (and its transaction, if one is open): the demo seeding uses this.</summary>
    public async Task<DerivationResult> RunAsync(ReformDbContext db, CancellationToken cancellationToken)
    {
        var facts = new List<ChronicleFact>();
        foreach (var source in sources)
        {
            facts.AddRange(await source.FactsAsync(db, cancellationToken));
        }

        var known = (await db.ChronicleEvents.IgnoreQueryFilters().AsNoTracking()
                .Where(e => e.Key != null)
                .Select(e => e.Key!)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var added = facts.Where(f => known.Add(f.Key)).Select(ChronicleEvent.From).ToList();
        if (added.Count > 0)
        {
            db.ChronicleEvents.AddRange(added);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new DerivationResult(facts.Count, added.Count);
    }
}
