using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Organisation;

/// <summary>What a client sends to create or change a unit.</summary>
internal sealed record UnitInput(string? Code, string? Name, UnitKind? Kind, int? ParentId);

/// <summary>Creates a unit and places it in the tree, in one transaction.</summary>
internal sealed class CreateUnit(IDbContextFactory<ReformDbContext> dbFactory, GetUnit getUnit)
{
    public async Task<UnitDetail> RunAsync(UnitInput input, CancellationToken cancellationToken = default)
    {
        var unit = Unit.New(input.Code, input.Name, input.Kind);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var parent = input.ParentId is { } parentId
                ? await db.Units.FirstOrDefaultAsync(u => u.Id == parentId, cancellationToken)
                  ?? throw References.Missing("unit", parentId, "parentId")
                : null;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Units.Add(unit);
            await db.SaveChangesAsync(cancellationToken);
            unit.PlaceUnder(parent);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return await getUnit.RunAsync(unit.Id, cancellationToken);
    }
}
