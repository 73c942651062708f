using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Ledger;

/// <summary>A liaison reports progress on an active measure.</summary>
internal sealed class SubmitReport(ScopedDb dbFactory, TimeProvider clock, LightThresholds thresholds)
{
    public async Task<ReportView> RunAsync(int measureId, ReportContent content, string? submittedBy,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var measure = await db.Measures.FirstOrDefaultAsync(m => m.Id == measureId, cancellationToken)
                      ?? throw new NotFound("Measure", measureId);

        var report = measure.SubmitReport(content, submittedBy ?? "", clock.UtcNow(), clock.Today(), thresholds);
        db.ProgressReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return GetMeasure.ToView(report);
    }
}

/// <summary>
/// The office accepts a report (its percent becomes the measure's progress) or returns it
/// with a reason. A stale version (someone reviewed it meanwhile) changes nothing.
/// </summary>
internal sealed class ReviewReport(ScopedDb dbFactory, TimeProvider clock)
{
    public async Task<ReportView> AcceptAsync(int reportId, int? expectedVersion, string? reviewer,
        DeliveryConfidence? officeConfidence, string? note, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await LoadAsync(db, reportId, expectedVersion, cancellationToken);
        var measure = await db.Measures.FirstAsync(m => m.Id == report.MeasureId, cancellationToken);
        measure.Accept(report, reviewer ?? "", clock.UtcNow(), officeConfidence, note);
        measure.UpdatedAt = clock.UtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return GetMeasure.ToView(report);
    }

    public async Task<ReportView> ReturnAsync(int reportId, int? expectedVersion, string? reviewer, string? reason,
        DeliveryConfidence? officeConfidence, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await LoadAsync(db, reportId, expectedVersion, cancellationToken);
        report.Return(reviewer ?? "", clock.UtcNow(), reason, officeConfidence);
        await db.SaveChangesAsync(cancellationToken);
        return GetMeasure.ToView(report);
    }

    private static async Task<ProgressReport> LoadAsync(ReformDbContext db, int reportId, int? expectedVersion,
        CancellationToken cancellationToken)
    {
        var report = await db.ProgressReports.FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken)
                     ?? throw new NotFound("ProgressReport", reportId);
        StaleVersion.Check("ProgressReport", reportId, expectedVersion, report.Version);
        return report;
    }
}
