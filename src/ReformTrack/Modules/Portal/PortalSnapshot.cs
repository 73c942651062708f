using System.Globalization;
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
/// user's scope. It is counted once and kept for <see cref="PortalOptions.SnapshotSeconds"/>, so a
/// visit costs a page render, not a count over the whole ledger. Counting starts as soon as the
/// server has started (<see cref="PortalWarmUp"/>); after that the kept picture is served at once
/// while a fresh one is counted in the background, and a visitor waits only for a count already
/// running, right after a start or after the office changed what is published (ADR 0032).
/// </summary>
internal sealed class PortalSnapshot
{
    private readonly IDbContextFactory<ReformDbContext> _dbFactory;
    private readonly TimeProvider _clock;
    private readonly StatusThresholds _thresholds;
    private readonly SnapshotCache<PortalData> _cache;

    public PortalSnapshot(IDbContextFactory<ReformDbContext> dbFactory, TimeProvider clock, StatusThresholds thresholds,
        PortalOptions options)
    {
        _dbFactory = dbFactory;
        _clock = clock;
        _thresholds = thresholds;
        _cache = new SnapshotCache<PortalData>(LoadAsync, clock, TimeSpan.FromSeconds(options.SnapshotSeconds));
    }

    /// <summary>The published picture: from memory while it is fresh; older, it is still served while it is counted again.</summary>
    public Task<PortalData> GetAsync(CancellationToken cancellationToken = default) => _cache.GetAsync(cancellationToken);

    /// <summary>Starts counting now unless a count is running.</summary>
    public Task LoadNowAsync() => _cache.LoadNowAsync();

    /// <summary>
    /// Drops the picture (the office changed what is published) and counts again at once: no
    /// visitor is served a picture counted before this call.
    /// </summary>
    public void Forget()
    {
        _cache.Forget();
        _ = _cache.LoadNowAsync();
    }

    public async Task<PortalData> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var today = _clock.Today();

        var meetingsHeld = await db.Meetings.CountAsync(m => m.HeldOn <= today, cancellationToken);
        var documentsPassed = await db.Documents.CountAsync(
            d => db.DocumentReviews.Any(r => r.DocumentId == d.Id && r.Outcome == ReviewOutcome.Passed), cancellationToken);

        // The portal reads the whole programme, not a user's scope: no scope filter to evaluate per row.
        // One pass grouped by objective and status, which the index (ObjectiveId, Status, Progress) answers
        // in its own order: no table row is read and nothing is sorted.
        var byStatus = await db.Measures.IgnoreQueryFilters().AsNoTracking()
            .GroupBy(m => new { m.ObjectiveId, m.Status })
            .Select(g => new { g.Key.ObjectiveId, g.Key.Status, Count = g.Count(), Progress = g.Sum(m => (long)m.Progress) })
            .ToListAsync(cancellationToken);
        var introduced = byStatus.Sum(b => b.Count);

        var objectives = await db.Objectives.AsNoTracking()
            .Select(o => new { o.Id, o.Code, o.Title, o.Level, o.ParentId, o.Path, o.Published })
            .ToListAsync(cancellationToken);
        // Each group's figures go to its objective and every objective above it (the ids in its path), once.
        var pathOf = objectives.ToDictionary(o => o.Id, o => o.Path);
        var totals = new Dictionary<int, (int Count, int Completed, long Progress)>();
        var completed = 0;
        var counted = 0;
        foreach (var group in byStatus.Where(b => b.Status is not (MeasureStatus.Draft or MeasureStatus.Cancelled)))
        {
            var done = group.Status == MeasureStatus.Completed ? group.Count : 0;
            completed += done;
            counted += group.Count;
            if (!pathOf.TryGetValue(group.ObjectiveId, out var path))
            {
                continue;
            }

            foreach (var id in ObjectiveIdsIn(path))
            {
                var total = totals.GetValueOrDefault(id);
                totals[id] = (total.Count + group.Count, total.Completed + done, total.Progress + group.Progress);
            }
        }

        var published = objectives
            .Where(o => o.Published && o.Level != ObjectiveLevel.SubTask)
            .OrderBy(o => o.Code, StringComparer.Ordinal)
            .Select(o =>
            {
                var (count, done, progress) = totals.GetValueOrDefault(o.Id);
                return new PortalObjective(o.Id, o.Code, o.Title, o.Level, o.ParentId, count, done,
                    count == 0 ? 0 : (int)Math.Round(progress / (double)count));
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

        var overview = new PortalOverview(today, meetingsHeld, documentsPassed, introduced, completed,
            counted == 0 ? 0 : completed / (double)counted,
            published.Count(o => o.Level == ObjectiveLevel.Aspect), published.Count(o => o.Level == ObjectiveLevel.KeyTask),
            portalIndicators.Count, portalIndicators.Count(i => i.Status == IndicatorStatus.OnTrack));
        return new PortalData(overview, published, portalIndicators, honours, chronicle);
    }

    /// <summary>The ids in a materialised path ("/1/4/17/" gives 1, 4 and 17).</summary>
    private static IEnumerable<int> ObjectiveIdsIn(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id != 0);

    private PortalIndicator ToPortal(Indicator indicator, DateOnly today, Dictionary<int, string> unitNames)
    {
        var row = IndicatorRows.ToRow(indicator, today, _thresholds);
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

    /// <summary>Whether the picture is counted as soon as the server has started (ADR 0032).</summary>
    public bool CountAtStart { get; init; } = true;
}
