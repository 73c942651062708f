using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Ledger;

internal sealed record NamedRef(int Id, string Name);

internal sealed record MilestoneView(int Id, string Title, DateOnly DueOn, DateOnly? DoneOn, string? Evidence, bool Missed,
    int Version);

internal sealed record ReportView(
    int Id,
    int MeasureId,
    string Period,
    int Percent,
    string Done,
    string? Obstacles,
    string? NextSteps,
    DeliveryConfidence Confidence,
    string? Explanation,
    string? Evidence,
    string SubmittedBy,
    DateTime SubmittedAt,
    ReportStatus Status,
    string? ReviewedBy,
    DateTime? ReviewedAt,
    string? ReturnReason,
    DeliveryConfidence? OfficeConfidence,
    string? ReviewNote,
    bool ConfidenceDisputed,
    int Version);

internal sealed record MeasureDetail(
    int Id,
    string Code,
    string Title,
    string? Description,
    NamedRef? Document,
    int? ClauseId,
    int? ClauseNumber,
    string? ClauseText,
    int ObjectiveId,
    string ObjectiveCode,
    string ObjectiveTitle,
    NamedRef LeadUnit,
    IReadOnlyList<NamedRef> CoUnits,
    NamedRef? ResponsiblePerson,
    DateOnly StartOn,
    DateOnly DueOn,
    MeasureStatus Status,
    string? StatusReason,
    DateOnly? CompletedOn,
    int Progress,
    int ExpectedProgress,
    Light Light,
    bool Overdue,
    IReadOnlyList<string> Tags,
    IReadOnlyList<MilestoneView> Milestones,
    IReadOnlyList<ReportView> Reports,
    int Version);

/// <summary>One measure with everything its page shows: schedule, light, milestones, report history.</summary>
internal sealed class GetMeasure(ScopedDb dbFactory, TimeProvider clock, LightThresholds thresholds)
{
    public async Task<MeasureDetail> RunAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var measure = await db.Measures.AsNoTracking()
                          .Include(m => m.CoUnits)
                          .Include(m => m.Milestones)
                          .AsSplitQuery()
                          .FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
                      ?? throw new NotFound("Measure", id);

        var unitIds = measure.CoUnits.Select(c => c.UnitId).Append(measure.LeadUnitId).ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var objective = await db.Objectives.AsNoTracking().Where(o => o.Id == measure.ObjectiveId)
            .Select(o => new { o.Code, o.Title }).FirstAsync(cancellationToken);
        var document = measure.DocumentId is { } documentId
            ? await db.Documents.AsNoTracking().Where(d => d.Id == documentId)
                .Select(d => new NamedRef(d.Id, d.Number + " " + d.Title)).FirstOrDefaultAsync(cancellationToken)
            : null;
        var clause = measure.ClauseId is { } clauseId
            ? await db.DocumentClauses.AsNoTracking().Where(c => c.Id == clauseId)
                .Select(c => new { c.Number, c.Text }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var person = measure.ResponsiblePersonId is { } personId
            ? await db.People.AsNoTracking().Where(p => p.Id == personId)
                .Select(p => new NamedRef(p.Id, p.Name)).FirstOrDefaultAsync(cancellationToken)
            : null;
        var reports = await db.ProgressReports.AsNoTracking()
            .Where(r => r.MeasureId == id)
            .OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id)
            .ToListAsync(cancellationToken);

        var today = clock.Today();
        return new MeasureDetail(
            measure.Id, measure.Code, measure.Title, measure.Description,
            document, measure.ClauseId, clause?.Number, clause?.Text,
            measure.ObjectiveId, objective.Code, objective.Title,
            new NamedRef(measure.LeadUnitId, units.GetValueOrDefault(measure.LeadUnitId, "")),
            measure.CoUnits.Select(c => new NamedRef(c.UnitId, units.GetValueOrDefault(c.UnitId, ""))).OrderBy(u => u.Name).ToList(),
            person,
            measure.StartOn, measure.DueOn, measure.Status, measure.StatusReason, measure.CompletedOn,
            measure.Progress,
            LightRule.ExpectedPercent(measure.StartOn, measure.DueOn, today),
            measure.LightOn(today, thresholds),
            measure.Status == MeasureStatus.Active && measure.DueOn < today,
            measure.Tags,
            measure.Milestones.OrderBy(s => s.DueOn).ThenBy(s => s.Id)
                .Select(s => new MilestoneView(s.Id, s.Title, s.DueOn, s.DoneOn, s.Evidence,
                    s.DoneOn is null && s.DueOn < today, s.Version))
                .ToList(),
            reports.Select(ToView).ToList(),
            measure.Version);
    }

    public static ReportView ToView(ProgressReport r) => new(
        r.Id, r.MeasureId, r.Content.Period, r.Content.Percent, r.Content.Done, r.Content.Obstacles, r.Content.NextSteps,
        r.Content.Confidence, r.Content.Explanation, r.Content.Evidence, r.SubmittedBy, r.SubmittedAt, r.Status,
        r.ReviewedBy, r.ReviewedAt, r.ReturnReason, r.OfficeConfidence, r.ReviewNote, r.ConfidenceDisputed, r.Version);
}
