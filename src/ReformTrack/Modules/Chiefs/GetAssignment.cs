using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Chiefs;

public sealed record EvidenceView(int Id, string FileName, string ContentType, long Length, DateTime UploadedAt, string UploadedBy);

public sealed record InspectionView(int Id, int AssignmentId, DateOnly OnDate, string Inspector, string Findings,
    IReadOnlyList<EvidenceView> Evidence, IReadOnlyList<int> IssueIds, int Version);

/// <summary>An assignment with the history of its object at its level, its inspections and the issues it answers for.</summary>
internal sealed record AssignmentDetail(
    AssignmentRow Assignment,
    IReadOnlyList<AssignmentRow> History,
    IReadOnlyList<InspectionView> Inspections,
    IReadOnlyList<IssueRow> Issues);

internal sealed class GetAssignment(ScopedDb dbFactory, ListIssues listIssues)
{
    public async Task<AssignmentDetail> RunAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assignment = await db.ChiefAssignments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
                         ?? throw new NotFound("ChiefAssignment", id);
        var history = await ListAssignments.RowsAsync(db, db.ChiefAssignments.AsNoTracking()
            .Where(a => a.ObjectKind == assignment.ObjectKind && a.ObjectId == assignment.ObjectId && a.Level == assignment.Level)
            .OrderBy(a => a.StartOn).ThenBy(a => a.Id), cancellationToken);
        var inspections = await InspectionsAsync(db, db.Inspections.AsNoTracking().Where(i => i.AssignmentId == id), cancellationToken);
        var issues = await listIssues.RunAsync(new IssueFilter(AssignmentId: id), new PageRequest(1, PageRequest.MaxSize), cancellationToken);
        return new AssignmentDetail(history.Single(a => a.Id == id), history, inspections, issues.Items);
    }

    public static async Task<IReadOnlyList<InspectionView>> InspectionsAsync(ReformDbContext db, IQueryable<Inspection> query,
        CancellationToken cancellationToken)
    {
        var inspections = await query.OrderByDescending(i => i.OnDate).ThenByDescending(i => i.Id).ToListAsync(cancellationToken);
        var ids = inspections.Select(i => i.Id).ToList();
        var files = (await db.EvidenceFiles.AsNoTracking().Where(f => ids.Contains(f.InspectionId)).OrderBy(f => f.Id)
                .Select(f => new { f.InspectionId, View = new EvidenceView(f.Id, f.FileName, f.ContentType, f.Length, f.UploadedAt, f.UploadedBy) })
                .ToListAsync(cancellationToken))
            .ToLookup(f => f.InspectionId, f => f.View);
        var issues = (await db.ChiefIssues.AsNoTracking().Where(i => i.InspectionId != null && ids.Contains(i.InspectionId.Value))
                .Select(i => new { i.InspectionId, i.Id }).ToListAsync(cancellationToken))
            .ToLookup(i => i.InspectionId!.Value, i => i.Id);
        return inspections.Select(i => new InspectionView(i.Id, i.AssignmentId, i.OnDate, i.Inspector, i.Findings,
            files[i.Id].ToList(), issues[i.Id].Order().ToList(), i.Version)).ToList();
    }
}
