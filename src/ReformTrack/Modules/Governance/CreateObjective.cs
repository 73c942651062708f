using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Governance;

/// <summary>What a client sends to create or change an objective; the level follows from the parent.</summary>
internal sealed record ObjectiveInput(string? Code, string? Title, int? ParentId, int SortOrder);

internal sealed class CreateObjective(IDbContextFactory<ReformDbContext> dbFactory, GetObjective getObjective)
{
    public async Task<ObjectiveDetail> RunAsync(ObjectiveInput input, CancellationToken cancellationToken = default)
    {
        var objective = Objective.New(input.Code, input.Title, input.SortOrder);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var parent = input.ParentId is { } parentId
                ? await db.Objectives.FirstOrDefaultAsync(o => o.Id == parentId, cancellationToken)
                  ?? throw References.Missing("objective", parentId, "parentId")
                : null;
            Objective.CheckFitsUnder(parent);

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Objectives.Add(objective);
            await db.SaveChangesAsync(cancellationToken);
            objective.PlaceUnder(parent);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return await getObjective.RunAsync(objective.Id, cancellationToken);
    }
}
