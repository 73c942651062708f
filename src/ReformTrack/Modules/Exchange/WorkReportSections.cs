using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Modules.Appraisal;
using ReformTrack.Modules.Diffusion;
using ReformTrack.Modules.Supervision;
using ReformTrack.Shared.Scoring;

namespace ReformTrack.Modules.Exchange;

/// <summary>An open supervision item as the report lists it.</summary>
internal sealed record ReportSupervisionItem(string MeasureCode, string MeasureTitle, string Unit, SupervisionLevel Level,
    DateOnly OpenedOn, DateOnly? RespondBy);

/// <summary>Supervision in the subtree: items not closed, per level, those closed in the year, and the open ones listed.</summary>
internal sealed record ReportSupervision(int Reminder, int Warning, int Instruction, int ClosedInYear,
    IReadOnlyList<ReportSupervisionItem> Open)
{
    public int OpenTotal => Reminder + Warning + Instruction;
}

internal sealed record ReportRanking(string UnitName, decimal Score, int Rank, Grade Grade);

/// <summary>The published appraisal covering the year, with the ranks of the units in the subtree; null when there is none.</summary>
internal sealed record ReportAppraisal(string SchemeCode, string SchemeTitle, DateOnly From, DateOnly To, int Edition,
    IReadOnlyList<ReportRanking> Ranking);

/// <summary>A pilot granted or a case or honour awarded in the year.</summary>
internal sealed record ReportDistinction(string Name, GrantLevel Level, string Body, string Holder, string When);

internal sealed record ReportDistinctions(IReadOnlyList<ReportDistinction> Pilots, IReadOnlyList<ReportDistinction> Honours);

/// <summary>
/// The report's sections that come from supervision, appraisal and diffusion: one query (or a grouped one)
/// per section, in the reader's scope (the context's query filters) and the unit's subtree.
/// </summary>
internal static class WorkReportSections
{
    public static async Task<ReportSupervision> SupervisionAsync(ReformDbContext db, IQueryable<int>? subtree, int year, int max,
        CancellationToken cancellationToken)
    {
        var items = db.SupervisionItems.AsNoTracking();
        if (subtree is not null)
        {
            items = items.Where(i => subtree.Contains(i.UnitId));
        }

        var open = items.Where(i => i.Status != SupervisionStatus.Closed);
        var counts = await open.GroupBy(i => i.Level).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Of(SupervisionLevel level) => counts.FirstOrDefault(c => c.Key == level)?.Count ?? 0;
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var closed = await items.CountAsync(i => i.Status == SupervisionStatus.Closed && i.ClosedOn >= from && i.ClosedOn <= to,
            cancellationToken);
        var listed = await open
            .OrderByDescending(i => i.Level).ThenBy(i => i.OpenedOn).ThenBy(i => i.Id)
            .Take(max)
            .Select(i => new ReportSupervisionItem(
                db.Measures.Where(m => m.Id == i.MeasureId).Select(m => m.Code).First(),
                db.Measures.Where(m => m.Id == i.MeasureId).Select(m => m.Title).First(),
                db.Units.Where(u => u.Id == i.UnitId).Select(u => u.Name).First(),
                i.Level, i.OpenedOn, i.RespondBy))
            .ToListAsync(cancellationToken);
        return new ReportSupervision(Of(SupervisionLevel.Reminder), Of(SupervisionLevel.Warning), Of(SupervisionLevel.Instruction),
            closed, listed);
    }

    /// <summary>
    /// The current (published) edition of the newest scheme with a published run whose period takes in part of the year;
    /// its rows limited to the subtree (or the reader's scope), in the run's own order.
    /// </summary>
    public static async Task<ReportAppraisal?> AppraisalAsync(ReformDbContext db, string? subtreePath, int year,
        CancellationToken cancellationToken)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var run = await (
                from r in db.AppraisalRuns.AsNoTracking()
                join s in db.AppraisalSchemes on r.SchemeId equals s.Id
                where r.Status == RunStatus.Published && r.From <= last && r.To >= first
                orderby s.Id descending, r.To descending, r.Edition descending, r.Id descending
                select new { r.Id, r.SchemeCode, s.Title, r.From, r.To, r.Edition })
            .FirstOrDefaultAsync(cancellationToken);
        if (run is null)
        {
            return null;
        }

        var results = db.AppraisalResults.AsNoTracking().Where(r => r.RunId == run.Id);
        if (subtreePath is not null)
        {
            var subtree = db.Units.Where(u => u.Path.StartsWith(subtreePath)).Select(u => u.Id);
            results = results.Where(r => subtree.Contains(r.UnitId));
        }

        var rows = await results.Select(r => new { r.UnitCode, r.UnitName, r.Score, r.Rank, r.Grade }).ToListAsync(cancellationToken);
        return new ReportAppraisal(run.SchemeCode, run.Title, run.From, run.To, run.Edition,
            rows.OrderBy(r => r.Rank).ThenBy(r => r.UnitCode, StringComparer.Ordinal)
                .Select(r => new ReportRanking(r.UnitName, r.Score, r.Rank, r.Grade)).ToList());
    }

    public static async Task<ReportDistinctions> DistinctionsAsync(ReformDbContext db, IQueryable<int>? subtree, int year,
        CancellationToken cancellationToken)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var pilots = db.Pilots.AsNoTracking().Where(p => p.GrantedOn >= from && p.GrantedOn <= to);
        var honours = db.Honours.AsNoTracking().Where(h => h.Year == year);
        if (subtree is not null)
        {
            pilots = pilots.Where(p => p.HolderUnitId != null && subtree.Contains(p.HolderUnitId.Value));
            honours = honours.Where(h => h.UnitId != null && subtree.Contains(h.UnitId.Value));
        }

        var pilotRows = await pilots.OrderBy(p => p.GrantedOn).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Name, p.Level, p.GrantingBody, p.GrantedOn,
                Holder = p.HolderUnitId == null ? p.HolderArea : db.Units.Where(u => u.Id == p.HolderUnitId).Select(u => u.Name).First(),
            })
            .ToListAsync(cancellationToken);
        var honourRows = await honours.OrderBy(h => h.Level).ThenBy(h => h.Title).ThenBy(h => h.Id)
            .Select(h => new
            {
                h.Title, h.Level, h.AwardingBody, h.Year,
                Holder = db.Units.Where(u => u.Id == h.UnitId).Select(u => u.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new ReportDistinctions(
            pilotRows.Select(p => new ReportDistinction(p.Name, p.Level, p.GrantingBody, p.Holder ?? "", LedgerSheet.Date(p.GrantedOn!.Value)))
                .ToList(),
            honourRows.Select(h => new ReportDistinction(h.Title, h.Level, h.AwardingBody, h.Holder ?? "",
                h.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList());
    }
}
