using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Modules.Ledger;

namespace ReformTrack.Modules.Supervision;

/// <summary>What one evaluation of the rules did.</summary>
internal sealed record SupervisionRunResult(DateOnly Day, int Opened, int Escalated, int Reclassified, int Closed, bool AlreadyRan)
{
    public bool Changed => Opened + Escalated + Reclassified + Closed > 0;
}

/// <summary>
/// The daily rules over every active measure, set-based: one query finds the measures that break a
/// rule (light yellow or red, overdue, the due month's report missing, a milestone missed), one reads
/// the open automatic items; the difference opens, escalates, reclassifies and closes items.
/// The result depends only on the data and the day, so a second evaluation of the same day finds
/// nothing to change; the day's <see cref="SupervisionRun"/> records that the day was evaluated.
/// </summary>
internal static class SupervisionRules
{
    public static async Task<SupervisionRunResult> EvaluateAsync(ReformDbContext db, DateOnly today, DateTime nowUtc,
        LightThresholds thresholds, SupervisionOptions options, bool force, CancellationToken cancellationToken = default)
    {
        var run = await db.SupervisionRuns.FirstOrDefaultAsync(r => r.Day == today, cancellationToken);
        if (run is not null && !force)
        {
            return new SupervisionRunResult(today, 0, 0, 0, 0, AlreadyRan: true);
        }

        var wanted = await FindingsAsync(db, today, thresholds, options, cancellationToken);

        var open = await db.SupervisionItems.IgnoreQueryFilters()
            .Where(i => i.OpenKey != null && i.Rule != SupervisionRule.Manual)
            .ToListAsync(cancellationToken);

        int opened = 0, escalated = 0, reclassified = 0, closed = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in open)
        {
            var key = item.OpenKey!;
            seen.Add(key);
            if (!wanted.TryGetValue(key, out var finding))
            {
                item.CloseBackOnTrack(today);
                closed++;
                continue;
            }

            if (item.Reclassify(finding.Rule))
            {
                reclassified++;
            }

            if (item.EscalateTo(options.LevelAfter(today.DayNumber - item.OpenedOn.DayNumber), today))
            {
                escalated++;
            }
        }

        foreach (var (key, finding) in wanted)
        {
            if (!seen.Contains(key))
            {
                db.SupervisionItems.Add(SupervisionItem.OpenByRule(finding.MeasureId, finding.UnitId, finding.Rule, today));
                opened++;
            }
        }

        if (run is null)
        {
            db.SupervisionRuns.Add(new SupervisionRun { Day = today, RanAt = nowUtc, Opened = opened, Escalated = escalated, Closed = closed });
        }
        else if (opened + escalated + reclassified + closed > 0)
        {
            run.RanAt = nowUtc;
            run.Opened += opened;
            run.Escalated += escalated;
            run.Closed += closed;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new SupervisionRunResult(today, opened, escalated, reclassified, closed, AlreadyRan: false);
    }

    private sealed record Finding(int MeasureId, int UnitId, SupervisionRule Rule);

    /// <summary>Every rule that holds today, by the key of the item it calls for. One query over the active measures.</summary>
    private static async Task<Dictionary<string, Finding>> FindingsAsync(ReformDbContext db, DateOnly today,
        LightThresholds thresholds, SupervisionOptions options, CancellationToken cancellationToken)
    {
        var t = today.DayNumber;
        var yellow = thresholds.YellowBehind;
        var red = thresholds.RedBehind;
        var (period, periodEnd) = options.PeriodDue(today);

        // The light rule of LightRule.Compute, in integers as the ledger's filter has it.
        var rows = await db.Measures.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.Status == MeasureStatus.Active)
            .Select(m => new
            {
                m.Id,
                m.LeadUnitId,
                Overdue = m.DueOn.DayNumber < t,
                Span = m.DueOn.DayNumber - m.StartOn.DayNumber,
                Behind = ((t - m.StartOn.DayNumber) * 100) - (m.Progress * (m.DueOn.DayNumber - m.StartOn.DayNumber)),
                ReportMissing = m.StartOn <= periodEnd
                                && !db.ProgressReports.IgnoreQueryFilters().Any(r => r.MeasureId == m.Id && r.Content.Period == period),
                MilestoneMissed = db.Milestones.IgnoreQueryFilters().Any(s => s.MeasureId == m.Id && s.DoneOn == null && s.DueOn < today),
            })
            .Where(x => x.Overdue || x.Behind >= yellow * x.Span || x.ReportMissing || x.MilestoneMissed)
            .ToListAsync(cancellationToken);

        var findings = new Dictionary<string, Finding>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            SupervisionRule? light = row.Overdue ? SupervisionRule.Overdue
                : row.Behind > red * row.Span ? SupervisionRule.Red
                : row.Behind >= yellow * row.Span ? SupervisionRule.Yellow
                : null;
            if (light is { } rule)
            {
                Add(rule);
            }

            if (row.ReportMissing)
            {
                Add(SupervisionRule.ReportMissing);
            }

            if (row.MilestoneMissed)
            {
                Add(SupervisionRule.MilestoneMissed);
            }

            void Add(SupervisionRule r) => findings[SupervisionItem.KeyOf(row.Id, r)] = new Finding(row.Id, row.LeadUnitId, r);
        }

        return findings;
    }
}
