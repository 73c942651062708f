using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Diffusion;

internal sealed record PilotDue(int Id, string Name, GrantLevel Level, int? HolderUnitId, string? HolderName,
    PilotStatus Status, DateOnly EvaluationDueOn, int DaysLeft);

/// <summary>
/// Granted pilots (or pilots under evaluation) held in a unit's subtree whose evaluation is due
/// within the next days, overdue ones included, soonest first: what the supervision inbox shows a holder.
/// </summary>
internal sealed class ListPilotsDueForEvaluation(ScopedDb scopedDb, TimeProvider clock)
{
    public const int MaxDays = 366;

    public async Task<IReadOnlyList<PilotDue>> RunAsync(int? unitId, int withinDays, CancellationToken cancellationToken = default)
    {
        if (withinDays is < 0 or > MaxDays)
        {
            throw new RuleViolation("DaysAheadAreWithinAYear", $"Look ahead between 0 and {MaxDays} days.", "withinDays", MaxDays);
        }

        await using var db = await scopedDb.CreateDbContextAsync(cancellationToken);
        var today = clock.Today();
        var by = today.AddDays(withinDays);
        var pilots = db.Pilots.AsNoTracking()
            .Where(p => (p.Status == PilotStatus.Granted || p.Status == PilotStatus.UnderEvaluation)
                        && p.EvaluationDueOn != null && p.EvaluationDueOn <= by);
        if (unitId is { } id)
        {
            var prefix = await DiffusionScope.SubtreeAsync(db, id, cancellationToken);
            var subtree = db.Units.Where(u => u.Path.StartsWith(prefix)).Select(u => u.Id);
            pilots = pilots.Where(p => p.HolderUnitId != null && subtree.Contains(p.HolderUnitId.Value));
        }

        var rows = await pilots.OrderBy(p => p.EvaluationDueOn).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.Name, p.Level, p.HolderUnitId, p.HolderArea, p.Status, Due = p.EvaluationDueOn!.Value,
                Holder = db.Units.Where(u => u.Id == p.HolderUnitId).Select(u => u.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new PilotDue(r.Id, r.Name, r.Level, r.HolderUnitId, r.Holder ?? r.HolderArea, r.Status, r.Due,
            r.Due.DayNumber - today.DayNumber)).ToList();
    }
}
