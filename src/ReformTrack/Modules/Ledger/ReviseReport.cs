using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Ledger;

/// <summary>The unit corrects a returned (or not yet reviewed) report and sends it again for review.</summary>
internal sealed class ReviseReport(ScopedDb dbFactory, TimeProvider clock, LightThresholds thresholds)
{
    public async Task<ReportView> RunAsync(int reportId, int expectedVersion, ReportContent content, string? reporter,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await db.ProgressReports.FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken)
                     ?? throw new NotFound("ProgressReport", reportId);
        StaleVersion.Check("ProgressReport", reportId, expectedVersion, report.Version);
        var measure = await db.Measures.AsNoTracking().FirstAsync(m => m.Id == report.MeasureId, cancellationToken);
        measure.ReviseReport(report, content, reporter ?? "", clock.UtcNow(), clock.Today(), thresholds);
        await db.SaveChangesAsync(cancellationToken);
        return GetMeasure.ToView(report);
    }
}
