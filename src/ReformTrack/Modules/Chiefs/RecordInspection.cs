using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Chiefs;

internal sealed record IssueInput(string? Description, DateOnly? DueOn);

internal sealed record InspectionInput(DateOnly? OnDate, string? Inspector, string? Findings, IReadOnlyList<IssueInput>? Issues);

/// <summary>An evidence file as served back: the bytes and how to label them.</summary>
internal sealed record EvidenceContent(string FileName, string ContentType, byte[] Content);

/// <summary>Records inspections with the issues they raise, takes their evidence files and serves them back.</summary>
internal sealed class RecordInspection(ScopedDb dbFactory, TimeProvider clock)
{
    public async Task<InspectionView> CreateAsync(int assignmentId, InspectionInput input, CancellationToken cancellationToken = default)
    {
        int id;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.ChiefAssignments.AnyAsync(a => a.Id == assignmentId, cancellationToken))
            {
                throw new NotFound("ChiefAssignment", assignmentId);
            }

            // Issues go to whoever answers for the object now, even when the inspection is recorded against an earlier chief.
            var answerable = await CurrentSuccessorAsync(db, assignmentId, cancellationToken);
            var today = clock.Today();
            var inspection = Inspection.New(assignmentId, input.OnDate, input.Inspector, input.Findings, today);
            var issues = (input.Issues ?? []).Select((issue, n) =>
                ChiefIssue.Raise(answerable, null, issue.Description, inspection.OnDate, issue.DueOn, $"issues[{n}]")).ToList();

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Inspections.Add(inspection);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var issue in issues)
            {
                issue.InspectionId = inspection.Id;
            }

            db.ChiefIssues.AddRange(issues);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            id = inspection.Id;
        }

        return await GetAsync(id, cancellationToken);
    }

    public async Task<InspectionView> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await GetAssignment.InspectionsAsync(db, db.Inspections.AsNoTracking().Where(i => i.Id == id), cancellationToken))
               .SingleOrDefault() ?? throw new NotFound("Inspection", id);
    }

    /// <summary>Stores one evidence file after checking its size and type; nothing is stored when either fails.</summary>
    public async Task<EvidenceView> AddEvidenceAsync(int inspectionId, string? fileName, string? contentType, byte[] content,
        string by, string field, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Inspections.AnyAsync(i => i.Id == inspectionId, cancellationToken))
        {
            throw new NotFound("Inspection", inspectionId);
        }

        var file = EvidenceFile.Accept(inspectionId, fileName, contentType, content, clock.UtcNow(), by, field);
        db.EvidenceFiles.Add(file);
        await db.SaveChangesAsync(cancellationToken);
        return new EvidenceView(file.Id, file.FileName, file.ContentType, file.Length, file.UploadedAt, file.UploadedBy);
    }

    public async Task<EvidenceContent> GetEvidenceAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.EvidenceFiles.AsNoTracking().Where(f => f.Id == id)
                   .Select(f => new EvidenceContent(f.FileName, f.ContentType, f.Content)).FirstOrDefaultAsync(cancellationToken)
               ?? throw new NotFound("EvidenceFile", id);
    }

    private static async Task<int> CurrentSuccessorAsync(ReformDbContext db, int assignmentId, CancellationToken cancellationToken)
    {
        var id = assignmentId;
        while (await db.ChiefAssignments.Where(a => a.PredecessorId == id).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken)
               is { } next)
        {
            id = next;
        }

        return id;
    }
}
