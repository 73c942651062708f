using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Modules.Governance;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Ledger;

/// <summary>The lights of the active measures under one key task (its sub-tasks included).</summary>
internal sealed record KeyTaskLights(int ObjectiveId, string Code, string Title, int Green, int Yellow, int Red);

/// <summary>How many measures were completed in a month (<c>yyyy-MM</c>).</summary>
internal sealed record MonthlyCompletions(string Month, int Completed);

/// <summary>The programme at a glance, as of <see cref="AsOf"/>.</summary>
/// <param name="CompletionRate">
/// Completed measures as a share (0–1) of all measures except drafts and cancelled ones; 0 when there are none.
/// </param>
internal sealed record Overview(
    DateOnly AsOf,
    int? UnitId,
    int MeetingsHeld,
    int DocumentsPassed,
    int MeasuresIntroduced,
    int MeasuresCompleted,
    int MeasuresCounted,
    double CompletionRate,
    int Overdue,
    int Green,
    int Yellow,
    int Red,
    IReadOnlyList<KeyTaskLights> LightsByKeyTask,
    IReadOnlyList<MonthlyCompletions> CompletionsByMonth);

/// <summary>
/// The dashboard's figures, each counted in the database: meetings held and documents passed by
/// the commission, and, for the measures led by a unit's subtree (or all measures), how many were
/// introduced, completed and are overdue, their lights per key task by the ledger's own light
/// rule, and completions per month over the last 24 months. The figures once counted are remembered
/// until the data changes, per user scope and date (<see cref="ReadCache"/>).
/// </summary>
internal sealed class GetOverview(ScopedDb dbFactory, TimeProvider clock, ListMeasures ledger, ReadCache cache)
{
    public const int Months = 24;

    public async Task<Overview> RunAsync(int? unitId = null, CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        var key = new OverviewKey(await dbFactory.PathAsync(cancellationToken), today, unitId);
        return await cache.GetOrComputeAsync(key, () => ComputeAsync(unitId, today, CancellationToken.None), cancellationToken);
    }

    private sealed record OverviewKey(string? Scope, DateOnly Today, int? UnitId);

    private async Task<Overview> ComputeAsync(int? unitId, DateOnly today, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scope = new LedgerFilter { UnitId = unitId };

        var meetingsHeld = await db.Meetings.CountAsync(m => m.HeldOn <= today, cancellationToken);
        var documentsPassed = await db.Documents.CountAsync(
            d => db.DocumentReviews.Any(r => r.DocumentId == d.Id && r.Outcome == ReviewOutcome.Passed), cancellationToken);

        var measures = await ledger.FilterAsync(db, scope, today, cancellationToken);
        var byStatus = await measures
            .GroupBy(m => m.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        var introduced = byStatus.Values.Sum();
        var completed = byStatus.GetValueOrDefault(MeasureStatus.Completed);
        var counted = introduced - byStatus.GetValueOrDefault(MeasureStatus.Cancelled) - byStatus.GetValueOrDefault(MeasureStatus.Draft);

        var overdue = await (await ledger.FilterAsync(db, scope with { Overdue = true }, today, cancellationToken))
            .CountAsync(cancellationToken);

        var lights = await ledger.CountLightsByObjectiveAsync(measures, today, cancellationToken);

        var byKeyTask = await LightsByKeyTaskAsync(db, lights, cancellationToken);
        var completions = await CompletionsByMonthAsync(measures, today, cancellationToken);

        return new Overview(today, unitId, meetingsHeld, documentsPassed, introduced, completed, counted,
            counted == 0 ? 0 : completed / (double)counted, overdue,
            lights[Light.Green].Values.Sum(), lights[Light.Yellow].Values.Sum(), lights[Light.Red].Values.Sum(),
            byKeyTask, completions);
    }

    /// <summary>Adds up the counts per objective under the key task each objective belongs to (by its path).</summary>
    private static async Task<IReadOnlyList<KeyTaskLights>> LightsByKeyTaskAsync(ReformDbContext db,
        Dictionary<Light, Dictionary<int, int>> lights, CancellationToken cancellationToken)
    {
        var objectives = await db.Objectives.AsNoTracking()
            .Select(o => new { o.Id, o.Code, o.Title, o.Level, o.Path, o.SortOrder })
            .ToListAsync(cancellationToken);
        var keyTasks = objectives
            .Where(o => o.Level == ObjectiveLevel.KeyTask)
            .OrderBy(o => o.Path.Length).ThenBy(o => o.SortOrder).ThenBy(o => o.Code, StringComparer.Ordinal)
            .ToList();
        var keyTaskOf = new Dictionary<int, int>();
        foreach (var objective in objectives)
        {
            var owner = keyTasks.FirstOrDefault(k => objective.Path.StartsWith(k.Path, StringComparison.Ordinal));
            if (owner is not null)
            {
                keyTaskOf[objective.Id] = owner.Id;
            }
        }

        int Sum(Light light, int keyTaskId) =>
            lights[light].Where(p => keyTaskOf.GetValueOrDefault(p.Key) == keyTaskId).Sum(p => p.Value);

        return keyTasks
            .OrderBy(k => k.Code, StringComparer.Ordinal)
            .Select(k => new KeyTaskLights(k.Id, k.Code, k.Title, Sum(Light.Green, k.Id), Sum(Light.Yellow, k.Id),
                Sum(Light.Red, k.Id)))
            .ToList();
    }

    /// <summary>
    /// Completions per month, counted per day in the database and added up per month here: grouping by the
    /// stored date walks the <c>(Status, CompletedOn, …)</c> index in order, where grouping by year and month
    /// would call <c>strftime</c> twice a row and sort (about 7 times the CPU at province scale on SQLite).
    /// </summary>
    private static async Task<IReadOnlyList<MonthlyCompletions>> CompletionsByMonthAsync(IQueryable<Measure> measures,
        DateOnly today, CancellationToken cancellationToken)
    {
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-(Months - 1));
        var counts = await measures
            .Where(m => m.Status == MeasureStatus.Completed && m.CompletedOn >= first && m.CompletedOn <= today)
            .GroupBy(m => m.CompletedOn!.Value)
            .Select(g => new { Day = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var byMonth = new int[Months];
        foreach (var count in counts)
        {
            byMonth[((count.Day.Year - first.Year) * 12) + count.Day.Month - first.Month] += count.Count;
        }

        return Enumerable.Range(0, Months)
            .Select(i => first.AddMonths(i))
            .Select((month, i) => new MonthlyCompletions($"{month.Year:D4}-{month.Month:D2}", byMonth[i]))
            .ToList();
    }
}
