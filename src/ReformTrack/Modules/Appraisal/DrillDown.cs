using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Modules.Ledger;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Appraisal;

/// <summary>
/// One measure, report or distinction behind a criterion's figure. <see cref="Counts"/> is true when
/// the item counts in the criterion's favour (completed, on time, punctual, accepted); for the
/// overdue penalty <see cref="Amount"/> is its overdue days.
/// </summary>
internal sealed record DrillItem(string Type, int Id, int? MeasureId, string Code, string Title, DateOnly? DueOn,
    DateOnly? DoneOn, string? Period, DateTime? SubmittedAt, bool Counts, int? Amount);

internal sealed record DrillDownView(int RunId, int UnitId, string UnitName, CriterionKind Kind, decimal? Raw, int? Numerator,
    int? Denominator, string? Note, bool Live, IReadOnlyList<DrillItem> Items);

/// <summary>
/// The measures and reports behind one unit's figure for one criterion, queried now for the run's
/// period and the unit's subtree. A unit user drills into its own subtree only; other units are 404.
/// A published run's figures are frozen while the lists are live, so a later report may show here.
/// </summary>
internal sealed class DrillDown(ScopedDb scoped, UserScope scope, IUnitDistinctions distinctions, TimeProvider clock)
{
    public const int MaxItems = 2000;

    public async Task<DrillDownView> RunAsync(int runId, int unitId, CriterionKind kind, CancellationToken cancellationToken = default)
    {
        await using var db = await scoped.CreateDbContextAsync(cancellationToken);
        var run = await db.AppraisalRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken)
                  ?? throw new NotFound("AppraisalRun", runId);
        var value = await db.AppraisalValues.AsNoTracking()
                        .FirstOrDefaultAsync(v => v.RunId == runId && v.UnitId == unitId && v.Kind == kind, cancellationToken)
                    ?? throw new NotFound("AppraisalValue", $"{runId}/{unitId}/{kind}");
        var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == unitId, cancellationToken);
        var path = await scope.PathAsync(cancellationToken);
        if (path is not null && !unit.Path.StartsWith(path, StringComparison.Ordinal))
        {
            throw new NotFound("AppraisalValue", $"{runId}/{unitId}/{kind}");
        }

        var (from, to) = (run.From, run.To);
        var subtree = unit.Path;
        var led = db.Measures.Where(m => db.Units.Any(u => u.Id == m.LeadUnitId && u.Path.StartsWith(subtree)));
        var scheme = await ManageSchemes.LoadAsync(db, run.SchemeId, cancellationToken);
        IReadOnlyList<DrillItem> items = kind switch
        {
            CriterionKind.CompletionRate => await AppraisalFigures.CountedMeasures(db)
                .Where(m => led.Any(l => l.Id == m.Id) && m.DueOn >= from && m.DueOn <= to)
                .OrderBy(m => m.DueOn).ThenBy(m => m.Code).Take(MaxItems)
                .Select(m => new DrillItem("measure", m.Id, m.Id, m.Code, m.Title, m.DueOn, m.CompletedOn, null, null,
                    m.Status == MeasureStatus.Completed && m.CompletedOn <= to, null))
                .ToListAsync(cancellationToken),
            CriterionKind.OnTimeRate => await AppraisalFigures.CompletedIn(db, from, to)
                .Where(m => led.Any(l => l.Id == m.Id))
                .OrderBy(m => m.CompletedOn).ThenBy(m => m.Code).Take(MaxItems)
                .Select(m => new DrillItem("measure", m.Id, m.Id, m.Code, m.Title, m.DueOn, m.CompletedOn, null, null,
                    m.CompletedOn <= m.DueOn, null))
                .ToListAsync(cancellationToken),
            CriterionKind.ReportPunctuality or CriterionKind.ReviewQuality => await ReportsAsync(db, led, kind, scheme, from, to,
                cancellationToken),
            CriterionKind.OverduePenalty => await OverdueAsync(db, led, from, to, cancellationToken),
            CriterionKind.PilotBonus or CriterionKind.CaseBonus or CriterionKind.ReplicationBonus =>
                (await distinctions.ListAsync(unitId, from, to, cancellationToken))
                .Where(d => d.Kind == (kind switch
                {
                    CriterionKind.PilotBonus => DistinctionKind.PilotGranted,
                    CriterionKind.CaseBonus => DistinctionKind.CaseWon,
                    _ => DistinctionKind.Replication,
                }))
                .Select(d => new DrillItem(d.Kind.ToString(), d.Id, null, d.Level, d.Title, null, d.Date, null, null, true, null))
                .ToList(),
            _ => [],
        };

        return new DrillDownView(runId, unitId, unit.Name, kind, value.Raw, value.Numerator, value.Denominator, value.Note,
            run.Status == RunStatus.Draft, items);
    }

    private static async Task<IReadOnlyList<DrillItem>> ReportsAsync(ReformDbContext db, IQueryable<Measure> led, CriterionKind kind,
        AppraisalScheme scheme, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var reports = AppraisalFigures.ReportsIn(db, from, to);
        var day = scheme.Criteria.FirstOrDefault(c => c.Kind == CriterionKind.ReportPunctuality)?.DeadlineDay
                  ?? SchemeCriterion.DefaultDeadlineDay;
        if (kind == CriterionKind.ReviewQuality)
        {
            reports = reports.Where(r => r.Status != ReportStatus.Submitted);
        }

        var rows = await reports
            .Join(led, r => r.MeasureId, m => m.Id, (r, m) => new { r.Id, r.MeasureId, m.Code, m.Title, r.Content.Period, r.SubmittedAt, r.Status })
            .OrderBy(r => r.Period).ThenBy(r => r.Code).ThenBy(r => r.Id).Take(MaxItems)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new DrillItem("report", r.Id, r.MeasureId, r.Code, r.Title, null, null, r.Period, r.SubmittedAt,
                kind == CriterionKind.ReviewQuality
                    ? r.Status == ReportStatus.Accepted
                    : r.SubmittedAt < AppraisalFigures.LateFrom(r.Period, day), null))
            .ToList();
    }

    private async Task<IReadOnlyList<DrillItem>> OverdueAsync(ReformDbContext db, IQueryable<Measure> led, DateOnly from, DateOnly to,
        CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var end = to < today ? to : today;
        var rows = await AppraisalFigures.LateMeasures(db, from, end).Where(m => led.Any(l => l.Id == m.Id))
            .OrderBy(m => m.DueOn).ThenBy(m => m.Code).Take(MaxItems)
            .Select(m => new { m.Id, m.Code, m.Title, m.DueOn, m.CompletedOn })
            .ToListAsync(cancellationToken);
        return rows.Select(m => new DrillItem("measure", m.Id, m.Id, m.Code, m.Title, m.DueOn, m.CompletedOn, null, null, false,
                AppraisalFigures.OverdueDays(m.DueOn, m.CompletedOn, from, end)))
            .Where(m => m.Amount > 0)
            .ToList();
    }
}
