using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;
using ReformTrack.Modules.Chronicle;
using ReformTrack.Modules.Diffusion;
using ReformTrack.Modules.Governance;
using ReformTrack.Modules.Indicators;
using ReformTrack.Modules.Ledger;

namespace ReformTrack.Modules.Portal;

/// <summary>The programme in figures, every one counted by a query.</summary>
internal sealed record PortalOverview(
    DateOnly AsOf, int MeetingsHeld, int DocumentsPassed, int MeasuresIntroduced, int MeasuresCompleted, double CompletionRate,
    int Aspects, int KeyTasks, int Indicators, int IndicatorsOnTrack);

/// <summary>A published aspect or key task and the delivery of the measures under it (counts only: measures are not published).</summary>
internal sealed record PortalObjective(int Id, string Code, string Title, ObjectiveLevel Level, int? ParentId, int Measures,
    int Completed, int AverageProgress);

internal sealed record PortalUnitValue(string UnitName, double Value);

/// <summary>A published indicator: the plan, the actuals and the latest district breakdown; nothing internal.</summary>
internal sealed record PortalIndicator(
    int Id, string Code, string Name, string UnitOfMeasure, Direction Direction, DatedValue Baseline, DatedValue Target,
    DatedValue? Latest, IndicatorStatus Status, IReadOnlyList<DatedValue> TrajectoryPoints, IReadOnlyList<DatedValue> Actuals,
    DateOnly? BreakdownOn, IReadOnlyList<PortalUnitValue> Breakdown, IReadOnlyList<int> ObjectiveIds)
{
    public Trajectory Trajectory => new(Baseline, Target, TrajectoryPoints);
}

/// <summary>A published case or honour: what it is, who awarded it, when; nothing internal.</summary>
internal sealed record PortalHonour(int Id, string Title, string AwardingBody, GrantLevel Level, int Year, HonourCategory Category,
    string? Description);

/// <summary>A published chronicle event.</summary>
internal sealed record PortalChronicleEvent(int Id, DateOnly Date, DatePrecision Precision, string Title, ChronicleCategory Category,
    string? Description);

/// <summary>Everything the portal shows, read at once and kept for a short while.</summary>
internal sealed record PortalData(PortalOverview Overview, IReadOnlyList<PortalObjective> Objectives,
    IReadOnlyList<PortalIndicator> Indicators, IReadOnlyList<PortalHonour> Honours, IReadOnlyList<PortalChronicleEvent> Chronicle);

/// <summary>
/// The public picture of the programme: only published objectives and indicators, read without any
/// user's scope. It is computed once and cached for <see cref="PortalOptions.SnapshotSeconds"/>, so a
/// visit costs a page render, not a count over the whole ledger.
/// </summary>
internal sealed class PortalSnapshot(IDbContextFactory<ReformDbContext> dbFactory, TimeProvider clock, StatusThresholds thresholds,
    PortalOptions options)
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot? _current;

    private sealed record Snapshot(PortalData Data, long LoadedAt);

    /// <summary>
    /// The published picture: from memory while it is fresh; when it has aged past
    /// <see cref="PortalOptions.SnapshotSeconds"/> the old one is served while a new one is counted in
    /// the background, so no visitor waits for the count (only the very first, after a start).
    /// </summary>
    public async Task<PortalData> GetAsync(CancellationToken cancellationToken = default)
    {
        var current = _current;
        if (current is null)
        {
            return (await RefreshAsync(force: false, cancellationToken)).Data;
        }

        if (clock.GetElapsedTime(current.LoadedAt).TotalSeconds >= options.SnapshotSeconds && _loading.CurrentCount > 0)
        {
            _ = Task.Run(() => RefreshAsync(force: true, CancellationToken.None));
        }

        return current.Data;
    }

    /// <summary>Drops the picture (the office changed what is published): the next visit counts afresh.</summary>
    public void Forget() => _current = null;

    private async Task<Snapshot> RefreshAsync(bool force, CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (!force && _current is { } loaded)
            {
                return loaded;
            }

            var fresh = new Snapshot(await LoadAsync(cancellationToken), clock.GetTimestamp());
            _current = fresh;
            return fresh;
        }
        finally
        {
            _loading.Release();
        }
    }

    public async Task<PortalData> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = clock.Today();

        var meetingsHeld = await db.Meetings.CountAsync(m => m.HeldOn <= today, cancellationToken);
        var documentsPassed = await db.Documents.CountAsync(
            d => db.DocumentReviews.Any(r => r.DocumentId == d.Id && r.Outcome == ReviewOutcome.Passed), cancellationToken);

        // The portal reads the whole programme, not a user's scope: no scope filter to evaluate per row.
        var byStatus = await db.Measures.IgnoreQueryFilters().AsNoTracking()
            .GroupBy(m => new { m.Status, m.ObjectiveId })
            .Select(g => new { g.Key.Status, g.Key.ObjectiveId, Count = g.Count(), Progress = g.Sum(m => (long)m.Progress) })
            .ToListAsync(cancellationToken);
        // One pass grouped by status and objective, which the ledger's covering index answers without reading rows.
        var introduced = byStatus.Sum(b => b.Count);
        var byObjective = byStatus.Where(b => b.Status is not (MeasureStatus.Draft or MeasureStatus.Cancelled))
            .GroupBy(b => b.ObjectiveId)
            .Select(g => new
            {
                ObjectiveId = g.Key,
                Count = g.Sum(b => b.Count),
                Completed = g.Where(b => b.Status == MeasureStatus.Completed).Sum(b => b.Count),
                Progress = g.Sum(b => b.Progress),
            })
            .ToList();

        var objectives = await db.Objectives.AsNoTracking()
            .Select(o => new { o.Id, o.Code, o.Title, o.Level, o.ParentId, o.Path, o.SortOrder, o.Published })
            .ToListAsync(cancellationToken);
        var pathOf = objectives.ToDictionary(o => o.Id, o => o.Path);
        var published = objectives
            .Where(o => o.Published && o.Level != ObjectiveLevel.SubTask)
            .OrderBy(o => o.Code, StringComparer.Ordinal)
            .Select(o =>
            {
                var under = byObjective.Where(b => pathOf.TryGetValue(b.ObjectiveId, out var p) && p.StartsWith(o.Path, StringComparison.Ordinal)).ToList();
                var count = under.Sum(b => b.Count);
                return new PortalObjective(o.Id, o.Code, o.Title, o.Level, o.ParentId, count, under.Sum(b => b.Completed),
                    count == 0 ? 0 : (int)Math.Round(under.Sum(b => b.Progress) / (double)count));
            })
            .ToList();

        var indicators = await db.Indicators.IgnoreQueryFilters().AsNoTracking().Where(i => i.Published)
            .Include(i => i.TrajectoryPoints).Include(i => i.Observations).Include(i => i.Objectives)
            .AsSplitQuery().OrderBy(i => i.Code).ToListAsync(cancellationToken);
        var unitIds = indicators.SelectMany(i => i.Observations).Select(o => o.UnitId).OfType<int>().Distinct().ToList();
        var unitNames = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var portalIndicators = indicators.Select(i => ToPortal(i, today, unitNames)).ToList();

        var honours = await db.Honours.IgnoreQueryFilters().AsNoTracking().Where(h => h.Published)
            .OrderByDescending(h => h.Year).ThenBy(h => h.Title)
            .Select(h => new PortalHonour(h.Id, h.Title, h.AwardingBody, h.Level, h.Year, h.Category, h.Description))
            .ToListAsync(cancellationToken);
        // Suppressed events are tombstones of what the office deleted: never shown, published or not.
        var chronicle = await db.ChronicleEvents.IgnoreQueryFilters().AsNoTracking().Where(e => e.Published && !e.Suppressed)
            .OrderByDescending(e => e.Date).ThenByDescending(e => e.Id)
            .Select(e => new PortalChronicleEvent(e.Id, e.Date, e.Precision, e.Title, e.Category, e.Description))
            .ToListAsync(cancellationToken);

        var completed = byObjective.Sum(b => b.Completed);
        var counted = byObjective.Sum(b => b.Count);
        var overview = new PortalOverview(today, meetingsHeld, documentsPassed, introduced, completed,
            counted == 0 ? 0 : completed / (double)counted,
            published.Count(o => o.Level == ObjectiveLevel.Aspect), published.Count(o => o.Level == ObjectiveLevel.KeyTask),
            portalIndicators.Count, portalIndicators.Count(i => i.Status == IndicatorStatus.OnTrack));
        return new PortalData(overview, published, portalIndicators, honours, chronicle);
    }

    private PortalIndicator ToPortal(Indicator indicator, DateOnly today, Dictionary<int, string> unitNames)
    {
        var row = IndicatorRows.ToRow(indicator, today, thresholds);
        var byUnit = indicator.Observations.Where(o => o.UnitId is not null && o.On <= today).ToList();
        var breakdownOn = byUnit.Count > 0 ? byUnit.Max(o => o.On) : (DateOnly?)null;
        return new PortalIndicator(indicator.Id, indicator.Code, indicator.Name, indicator.UnitOfMeasure, indicator.Direction,
            row.Baseline, row.Target, row.Latest, row.Status,
            indicator.TrajectoryPoints.OrderBy(p => p.On).Select(p => new DatedValue(p.On, p.Value)).ToList(),
            indicator.Actuals().Where(a => a.On <= today).ToList(),
            breakdownOn,
            byUnit.Where(o => o.On == breakdownOn).Select(o => new PortalUnitValue(unitNames.GetValueOrDefault(o.UnitId!.Value, ""), o.Value))
                .OrderBy(v => v.UnitName, StringComparer.Ordinal).ToList(),
            row.ObjectiveIds);
    }
}

internal sealed record PortalOptions
{
    /// <summary>How long browsers and proxies may keep a portal page.</summary>
    public int MaxAgeSeconds { get; init; } = 60;

    /// <summary>How long the server keeps the published picture before counting again.</summary>
    public int SnapshotSeconds { get; init; } = 30;
}
