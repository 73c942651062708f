using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Ledger;

/// <summary>A report in the office's review queue, with the measure and unit it is about.</summary>
internal sealed record QueuedReport(
    int Id,
    int MeasureId,
    string MeasureCode,
    string MeasureTitle,
    int LeadUnitId,
    string LeadUnitName,
    string Period,
    int Percent,
    DeliveryConfidence Confidence,
    string SubmittedBy,
    DateTime SubmittedAt,
    ReportStatus Status,
    int Version);

/// <summary>Reports: one, a measure's history (newest first), and the office's review queue (oldest first).</summary>
internal sealed class ListReports(ScopedDb dbFactory)
{
    public async Task<ReportView> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await db.ProgressReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
                     ?? throw new NotFound("ProgressReport", id);
        return GetMeasure.ToView(report);
    }

    public async Task<IReadOnlyList<ReportView>> ForMeasureAsync(int measureId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Measures.AnyAsync(m => m.Id == measureId, cancellationToken))
        {
            throw new NotFound("Measure", measureId);
        }

        var reports = await db.ProgressReports.AsNoTracking().Where(r => r.MeasureId == measureId)
            .OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id)
            .ToListAsync(cancellationToken);
        return reports.Select(GetMeasure.ToView).ToList();
    }

    /// <summary>Reports in <paramref name="status"/> (all when null) on measures led by the unit or a unit under it.</summary>
    public async Task<Page<QueuedReport>> QueueAsync(ReportStatus? status, int? unitId, PageRequest page,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reports = db.ProgressReports.AsNoTracking();
        if (status is { } wanted)
        {
            reports = reports.Where(r => r.Status == wanted);
        }

        var rows = from r in reports
                   join m in db.Measures on r.MeasureId equals m.Id
                   join u in db.Units on m.LeadUnitId equals u.Id
                   select new { r, m, u };
        if (unitId is { } id)
        {
            var prefix = await db.Units.Where(u => u.Id == id).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken)
                         ?? throw new RuleViolation("FilterUnitExists", $"There is no unit {id}.", "unitId", id);
            rows = rows.Where(x => x.u.Path.StartsWith(prefix));
        }

        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderBy(x => x.r.SubmittedAt).ThenBy(x => x.r.Id)
            .Skip(page.Skip).Take(page.Size)
            .Select(x => new QueuedReport(x.r.Id, x.m.Id, x.m.Code, x.m.Title, x.u.Id, x.u.Name,
                x.r.Content.Period, x.r.Content.Percent, x.r.Content.Confidence, x.r.SubmittedBy, x.r.SubmittedAt,
                x.r.Status, x.r.Version))
            .ToListAsync(cancellationToken);
        return new Page<QueuedReport>(items, total, page.Number, page.Size);
    }
}
