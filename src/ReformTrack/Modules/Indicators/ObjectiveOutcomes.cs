using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;
using ReformTrack.Modules.Ledger;

namespace ReformTrack.Modules.Indicators;

/// <summary>An objective's outcomes beside its delivery: its indicators' status and its active measures' lights.</summary>
internal sealed record ObjectiveOutcome(int Id, string Code, string Title, int Depth, IReadOnlyList<IndicatorRow> Indicators,
    int Green, int Yellow, int Red);

/// <summary>
/// For each objective (aspects and key tasks, or the subtree of one), the indicators linked to it or
/// below it, and the lights of the measures under it, side by side.
/// </summary>
internal sealed class ObjectiveOutcomes(ScopedDb dbFactory, ListMeasures measures, TimeProvider clock, StatusThresholds thresholds)
{
    public async Task<IReadOnlyList<ObjectiveOutcome>> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var objectives = await db.Objectives.AsNoTracking().Where(o => o.Level != Governance.ObjectiveLevel.SubTask)
            .OrderBy(o => o.Path).ThenBy(o => o.SortOrder).ToListAsync(cancellationToken);
        var allObjectives = await db.Objectives.AsNoTracking().Select(o => new { o.Id, o.Path }).ToListAsync(cancellationToken);
        var indicators = await IndicatorRows.LoadAsync(db, new IndicatorFilter(), clock.Today(), thresholds, cancellationToken);
        var lights = await measures.CountLightsByObjectiveAsync(db.Measures, clock.Today(), cancellationToken);
        var pathOf = allObjectives.ToDictionary(o => o.Id, o => o.Path);

        int Count(Light light, string prefix) =>
            lights.TryGetValue(light, out var byObjective)
                ? byObjective.Where(kv => pathOf.TryGetValue(kv.Key, out var p) && p.StartsWith(prefix, StringComparison.Ordinal)).Sum(kv => kv.Value)
                : 0;

        return objectives.Select(o => new ObjectiveOutcome(o.Id, o.Code, o.Title, (int)o.Level,
                indicators.Where(i => i.ObjectiveIds.Any(id => pathOf.TryGetValue(id, out var p) && p.StartsWith(o.Path, StringComparison.Ordinal))).ToList(),
                Count(Light.Green, o.Path), Count(Light.Yellow, o.Path), Count(Light.Red, o.Path)))
            .ToList();
    }
}
