using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Modules.Ledger;
using ReformTrack.Shared;
using ReformTrack.Shared.Scoring;

namespace ReformTrack.Modules.Appraisal;

/// <summary>A unit appraised in a run, with its path: its figures take in every unit beneath it.</summary>
internal sealed record AppraisalSubject(int Id, string Code, string Name, string Path);

/// <summary>
/// The raw values of an appraisal from the ledger and the distinctions, for all subjects at once: one
/// or two grouped queries per criterion kind, grouped by the measures' lead unit, then added up the
/// unit tree in memory (one row per unit, never per measure). A measure counts for the subjects whose
/// subtree holds its lead unit, so once per subject. See docs/decisions/0019.
/// </summary>
internal sealed class AppraisalFigures(IUnitDistinctions distinctions)
{
    public async Task<List<AppraisalValue>> ComputeAsync(ReformDbContext db, AppraisalScheme scheme,
        IReadOnlyList<AppraisalSubject> subjects, DateOnly from, DateOnly to, DateOnly today, CancellationToken cancellationToken)
    {
        var rollUp = await RollUp.LoadAsync(db, subjects, cancellationToken);
        var kinds = scheme.Criteria.Select(c => c.Kind).ToHashSet();
        var counts = new Dictionary<CriterionKind, (Dictionary<int, int> Part, Dictionary<int, int> Whole, Dictionary<int, decimal>? Amount)>();

        if (kinds.Contains(CriterionKind.CompletionRate))
        {
            var rows = await CountedMeasures(db).Where(m => m.DueOn >= from && m.DueOn <= to)
                .GroupBy(m => m.LeadUnitId)
                .Select(g => new { g.Key, Total = g.Count(), Done = g.Count(m => m.Status == MeasureStatus.Completed && m.CompletedOn <= to) })
                .ToListAsync(cancellationToken);
            counts[CriterionKind.CompletionRate] = (rollUp.Sum(rows.Select(r => (r.Key, r.Done))), rollUp.Sum(rows.Select(r => (r.Key, r.Total))), null);
        }

        if (kinds.Contains(CriterionKind.OnTimeRate))
        {
            var rows = await CompletedIn(db, from, to)
                .GroupBy(m => m.LeadUnitId)
                .Select(g => new { g.Key, Total = g.Count(), OnTime = g.Count(m => m.CompletedOn <= m.DueOn) })
                .ToListAsync(cancellationToken);
            counts[CriterionKind.OnTimeRate] = (rollUp.Sum(rows.Select(r => (r.Key, r.OnTime))), rollUp.Sum(rows.Select(r => (r.Key, r.Total))), null);
        }

        if (scheme.Criteria.FirstOrDefault(c => c.Kind == CriterionKind.ReportPunctuality) is { } punctuality)
        {
            // One pass over the period's reports: each is flagged punctual or not, then counted both ways per lead unit.
            var day = punctuality.DeadlineDay ?? SchemeCriterion.DefaultDeadlineDay;
            var rows = await ReportsIn(db, from, to).Select(Flagged(Punctual(from, to, day)))
                .Join(db.Measures, r => r.MeasureId, m => m.Id, (r, m) => new { m.LeadUnitId, r.OnTime })
                .GroupBy(x => x.LeadUnitId)
                .Select(g => new { g.Key, Total = g.Count(), OnTime = g.Count(x => x.OnTime) })
                .ToListAsync(cancellationToken);
            counts[CriterionKind.ReportPunctuality] = (rollUp.Sum(rows.Select(r => (r.Key, r.OnTime))),
                rollUp.Sum(rows.Select(r => (r.Key, r.Total))), null);
        }

        if (kinds.Contains(CriterionKind.ReviewQuality))
        {
            var rows = await ReportsIn(db, from, to).Where(r => r.Status != ReportStatus.Submitted)
                .Join(db.Measures, r => r.MeasureId, m => m.Id, (r, m) => new { m.LeadUnitId, r.Status })
                .GroupBy(x => new { x.LeadUnitId, x.Status })
                .Select(g => new { g.Key.LeadUnitId, g.Key.Status, Count = g.Count() })
                .ToListAsync(cancellationToken);
            counts[CriterionKind.ReviewQuality] = (
                rollUp.Sum(rows.Where(r => r.Status == ReportStatus.Accepted).Select(r => (r.LeadUnitId, r.Count))),
                rollUp.Sum(rows.Select(r => (r.LeadUnitId, r.Count))), null);
        }

        if (kinds.Contains(CriterionKind.OverduePenalty))
        {
            var end = to < today ? to : today;
            var late = await LateMeasures(db, from, end)
                .Select(m => new { m.LeadUnitId, m.DueOn, m.CompletedOn })
                .AsAsyncEnumerable()
                .ToListAsync(cancellationToken);
            var days = late.Select(m => (m.LeadUnitId, Days: OverdueDays(m.DueOn, m.CompletedOn, from, end))).Where(m => m.Days > 0).ToList();
            counts[CriterionKind.OverduePenalty] = (rollUp.Sum(days.Select(d => (d.LeadUnitId, 1))), [],
                rollUp.SumDecimal(days.Select(d => (d.LeadUnitId, (decimal)d.Days))));
        }

        var distinctionKinds = new[] { CriterionKind.PilotBonus, CriterionKind.CaseBonus, CriterionKind.ReplicationBonus };
        IReadOnlyDictionary<int, DistinctionCounts> won = new Dictionary<int, DistinctionCounts>();
        if (distinctionKinds.Any(kinds.Contains))
        {
            won = await distinctions.CountAsync(subjects.Select(s => s.Id).ToList(), from, to, cancellationToken);
        }

        var values = new List<AppraisalValue>();
        foreach (var subject in subjects)
        {
            foreach (var criterion in scheme.Criteria.OrderBy(c => c.SortOrder))
            {
                var value = new AppraisalValue { UnitId = subject.Id, Kind = criterion.Kind };
                switch (criterion.Kind)
                {
                    case CriterionKind.CompletionRate or CriterionKind.OnTimeRate or CriterionKind.ReportPunctuality
                        or CriterionKind.ReviewQuality:
                    {
                        var (part, whole, _) = counts[criterion.Kind];
                        value.Numerator = part.GetValueOrDefault(subject.Id);
                        value.Denominator = whole.GetValueOrDefault(subject.Id);
                        value.Raw = ScoringEngine.Rate(value.Numerator.Value, value.Denominator.Value);
                        break;
                    }

                    case CriterionKind.OverduePenalty:
                    {
                        var (measures, _, amount) = counts[criterion.Kind];
                        value.Numerator = measures.GetValueOrDefault(subject.Id);
                        value.Raw = amount!.GetValueOrDefault(subject.Id);
                        break;
                    }

                    case CriterionKind.PilotBonus or CriterionKind.CaseBonus or CriterionKind.ReplicationBonus:
                    {
                        var c = won.GetValueOrDefault(subject.Id) ?? DistinctionCounts.None;
                        var n = criterion.Kind switch
                        {
                            CriterionKind.PilotBonus => c.PilotsGranted,
                            CriterionKind.CaseBonus => c.CasesWon,
                            _ => c.Replications,
                        };
                        value.Numerator = n;
                        value.Raw = n;
                        break;
                    }
                }

                values.Add(value);
            }
        }

        return values;
    }

    /// <summary>Measures that count at all: neither drafts nor cancelled.</summary>
    public static IQueryable<Measure> CountedMeasures(ReformDbContext db) =>
        db.Measures.Where(m => m.Status != MeasureStatus.Draft && m.Status != MeasureStatus.Cancelled);

    public static IQueryable<Measure> CompletedIn(ReformDbContext db, DateOnly from, DateOnly to) =>
        db.Measures.Where(m => m.Status == MeasureStatus.Completed && m.CompletedOn >= from && m.CompletedOn <= to);

    /// <summary>Active or completed measures that were past their due date on some day of from..end.</summary>
    public static IQueryable<Measure> LateMeasures(ReformDbContext db, DateOnly from, DateOnly end) =>
        db.Measures.Where(m => (m.Status == MeasureStatus.Active && m.DueOn < end && m.CompletedOn == null)
                               || (m.Status == MeasureStatus.Completed && m.CompletedOn > m.DueOn && m.CompletedOn >= from && m.DueOn < end));

    /// <summary>Days in from..end after the due date, up to and including the completion day.</summary>
    public static int OverdueDays(DateOnly dueOn, DateOnly? completedOn, DateOnly from, DateOnly end)
    {
        var first = dueOn.AddDays(1) > from ? dueOn.AddDays(1) : from;
        var last = completedOn is { } done && done < end ? done : end;
        return Math.Max(0, last.DayNumber - first.DayNumber + 1);
    }

    public static IReadOnlyList<string> Months(DateOnly from, DateOnly to)
    {
        var months = new List<string>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            months.Add(month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        }

        return months;
    }

    public static IQueryable<ProgressReport> ReportsIn(ReformDbContext db, DateOnly from, DateOnly to)
    {
        var months = Months(from, to).ToList();
        return db.ProgressReports.Where(r => months.Contains(r.Content.Period));
    }

    /// <summary>The first instant (UTC) at which a report on <paramref name="period"/> is late.</summary>
    public static DateTime LateFrom(string period, int deadlineDay)
    {
        var month = DateOnly.ParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return month.AddMonths(1).AddDays(deadlineDay).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    }

    /// <summary>Submitted by the deadline of its month: one OR-ed condition per month of the period, evaluated in SQL.</summary>
    public static Expression<Func<ProgressReport, bool>> Punctual(DateOnly from, DateOnly to, int deadlineDay)
    {
        var report = Expression.Parameter(typeof(ProgressReport), "r");
        var period = Expression.Property(Expression.Property(report, nameof(ProgressReport.Content)), nameof(ReportContent.Period));
        var submitted = Expression.Property(report, nameof(ProgressReport.SubmittedAt));
        Expression body = Expression.Constant(false);
        foreach (var month in Months(from, to))
        {
            body = Expression.OrElse(body, Expression.AndAlso(
                Expression.Equal(period, Expression.Constant(month)),
                Expression.LessThan(submitted, Expression.Constant(LateFrom(month, deadlineDay)))));
        }

        return Expression.Lambda<Func<ProgressReport, bool>>(body, report);
    }

    /// <summary>A report's measure and whether <paramref name="condition"/> holds for it.</summary>
    private sealed class FlaggedReport
    {
        public int MeasureId { get; init; }
        public bool OnTime { get; init; }
    }

    /// <summary><c>r => new FlaggedReport { MeasureId = r.MeasureId, OnTime = condition(r) }</c>, translated to SQL whole.</summary>
    private static Expression<Func<ProgressReport, FlaggedReport>> Flagged(Expression<Func<ProgressReport, bool>> condition)
    {
        var report = condition.Parameters[0];
        return Expression.Lambda<Func<ProgressReport, FlaggedReport>>(
            Expression.MemberInit(Expression.New(typeof(FlaggedReport)),
                Expression.Bind(typeof(FlaggedReport).GetProperty(nameof(FlaggedReport.MeasureId))!,
                    Expression.Property(report, nameof(ProgressReport.MeasureId))),
                Expression.Bind(typeof(FlaggedReport).GetProperty(nameof(FlaggedReport.OnTime))!, condition.Body)),
            report);
    }

    /// <summary>Per-unit figures added up to the subjects above them (each unit's path names its ancestors).</summary>
    private sealed class RollUp(Dictionary<int, int[]> subjectsOf)
    {
        public static async Task<RollUp> LoadAsync(ReformDbContext db, IReadOnlyList<AppraisalSubject> subjects,
            CancellationToken cancellationToken)
        {
            var ids = subjects.Select(s => s.Id).ToHashSet();
            var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Path }).ToListAsync(cancellationToken);
            var map = new Dictionary<int, int[]>();
            foreach (var unit in units)
            {
                var above = unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)
                    .Select(p => int.Parse(p, CultureInfo.InvariantCulture))
                    .Where(ids.Contains)
                    .ToArray();
                if (above.Length > 0)
                {
                    map[unit.Id] = above;
                }
            }

            return new RollUp(map);
        }

        public Dictionary<int, int> Sum(IEnumerable<(int UnitId, int Count)> rows)
        {
            var totals = new Dictionary<int, int>();
            foreach (var (unitId, count) in rows)
            {
                foreach (var subject in subjectsOf.GetValueOrDefault(unitId) ?? [])
                {
                    totals[subject] = totals.GetValueOrDefault(subject) + count;
                }
            }

            return totals;
        }

        public Dictionary<int, decimal> SumDecimal(IEnumerable<(int UnitId, decimal Amount)> rows)
        {
            var totals = new Dictionary<int, decimal>();
            foreach (var (unitId, amount) in rows)
            {
                foreach (var subject in subjectsOf.GetValueOrDefault(unitId) ?? [])
                {
                    totals[subject] = totals.GetValueOrDefault(subject) + amount;
                }
            }

            return totals;
        }
    }
}
