using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Chiefs;

internal sealed record AssignmentInput(ChiefObjectKind? ObjectKind, int? ObjectId, ChiefLevel? Level, int? PersonId,
    int? DeputyPersonId, DateOnly? StartOn, string? Note);

internal sealed record AssignmentChange(ChiefLevel? Level, int? PersonId, int? DeputyPersonId, string? Note);

internal sealed record HandoverInput(int? SuccessorPersonId, int? DeputyPersonId, DateOnly? On, string? Note);

/// <summary>Names chiefs, corrects an assignment, and hands an assignment over to a successor.</summary>
internal sealed class AssignChief(ScopedDb dbFactory, GetAssignment getAssignment)
{
    public async Task<AssignmentDetail> CreateAsync(AssignmentInput input, CancellationToken cancellationToken = default)
    {
        int id;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var assignment = ChiefAssignment.New(input.ObjectKind, input.ObjectId, input.Level, input.PersonId, input.DeputyPersonId,
                input.StartOn, input.Note);
            await ChiefObjects.CheckExistsAsync(db, assignment.ObjectKind, assignment.ObjectId, cancellationToken);
            await ChiefObjects.CheckPersonAsync(db, assignment.PersonId, "personId", cancellationToken);
            await ChiefObjects.CheckPersonAsync(db, assignment.DeputyPersonId, "deputyPersonId", cancellationToken);
            if (await db.ChiefAssignments.AnyAsync(a => a.ObjectKind == assignment.ObjectKind && a.ObjectId == assignment.ObjectId
                                                        && a.Level == assignment.Level && a.EndOn == null, cancellationToken))
            {
                throw new RuleViolation("OneCurrentChiefPerLevel",
                    "The object already has a chief at this level; hand that assignment over instead.", "level");
            }

            db.ChiefAssignments.Add(assignment);
            await db.SaveChangesAsync(cancellationToken);
            id = assignment.Id;
        }

        return await getAssignment.RunAsync(id, cancellationToken);
    }

    public async Task<AssignmentDetail> UpdateAsync(int id, int ifMatch, AssignmentChange input, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var assignment = await db.ChiefAssignments.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
                             ?? throw new NotFound("ChiefAssignment", id);
            StaleVersion.Check("ChiefAssignment", id, ifMatch, assignment.Version);
            var level = assignment.Level;
            assignment.Describe(input.Level, input.PersonId, input.DeputyPersonId, input.Note);
            await ChiefObjects.CheckPersonAsync(db, assignment.PersonId, "personId", cancellationToken);
            await ChiefObjects.CheckPersonAsync(db, assignment.DeputyPersonId, "deputyPersonId", cancellationToken);
            if (assignment.Level != level && assignment.IsCurrent
                && await db.ChiefAssignments.AnyAsync(a => a.Id != id && a.ObjectKind == assignment.ObjectKind
                                                           && a.ObjectId == assignment.ObjectId && a.Level == assignment.Level
                                                           && a.EndOn == null, cancellationToken))
            {
                throw new RuleViolation("OneCurrentChiefPerLevel",
                    "The object already has a chief at this level; hand that assignment over instead.", "level");
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return await getAssignment.RunAsync(id, cancellationToken);
    }

    /// <summary>
    /// Ends the assignment on the handover date and starts the successor's; every unresolved issue
    /// moves to the successor, resolved ones stay in the history of the one who resolved them.
    /// </summary>
    public async Task<AssignmentDetail> HandOverAsync(int id, int ifMatch, HandoverInput input, CancellationToken cancellationToken = default)
    {
        int successorId;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var current = await db.ChiefAssignments.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
                          ?? throw new NotFound("ChiefAssignment", id);
            StaleVersion.Check("ChiefAssignment", id, ifMatch, current.Version);
            var successor = current.HandOver(input.SuccessorPersonId, input.DeputyPersonId, input.On, input.Note);
            await ChiefObjects.CheckPersonAsync(db, successor.PersonId, "successorPersonId", cancellationToken);
            await ChiefObjects.CheckPersonAsync(db, successor.DeputyPersonId, "deputyPersonId", cancellationToken);

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.ChiefAssignments.Add(successor);
            await db.SaveChangesAsync(cancellationToken);
            var unresolved = await db.ChiefIssues.Where(i => i.AssignmentId == id && i.Status != IssueStatus.Closed)
                .ToListAsync(cancellationToken);
            foreach (var issue in unresolved)
            {
                issue.PassTo(successor.Id);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            successorId = successor.Id;
        }

        return await getAssignment.RunAsync(successorId, cancellationToken);
    }
}
