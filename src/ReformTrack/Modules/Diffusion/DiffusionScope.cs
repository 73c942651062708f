using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Diffusion;

/// <summary>The checks every diffusion write makes against the records it names, as the acting user sees them.</summary>
internal static class DiffusionScope
{
    /// <summary>
    /// The unit exists and lies in the user's subtree; a scoped user must name one, or could not
    /// see the record afterwards. Null is fine for unscoped users when <paramref name="required"/> is false.
    /// </summary>
    public static async Task CheckUnitAsync(ReformDbContext db, int? unitId, string field, bool required,
        CancellationToken cancellationToken)
    {
        if (unitId is not { } id)
        {
            if (required || db.ScopePath is not null)
            {
                throw new RuleViolation("FieldIsRequired", $"{field} is required.", field, field);
            }

            return;
        }

        if (!await db.Units.AnyAsync(u => u.Id == id, cancellationToken))
        {
            throw References.Missing("unit", id, field);
        }

        if (db.ScopePath is { } path && !await db.Units.AnyAsync(u => u.Id == id && u.Path.StartsWith(path), cancellationToken))
        {
            throw new RuleViolation("RecordBelongsToYourScope",
                "You may only record this for a unit in your own part of the organisation.", field);
        }
    }

    /// <summary>The measures exist and the user can see them.</summary>
    public static async Task<int[]> MeasuresAsync(ReformDbContext db, IReadOnlyList<int>? measureIds,
        CancellationToken cancellationToken)
    {
        var ids = (measureIds ?? []).Distinct().ToArray();
        var found = await db.Measures.Where(m => ids.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken);
        var missing = ids.Except(found).FirstOrDefault();
        return missing == 0 ? ids : throw References.Missing("measure", missing, "measureIds");
    }

    /// <summary>The subtree path of a filter's unit; an unknown unit is a 400 naming the field.</summary>
    public static async Task<string> SubtreeAsync(ReformDbContext db, int unitId, CancellationToken cancellationToken) =>
        await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken)
        ?? throw new RuleViolation("FilterUnitExists", $"There is no unit {unitId}.", "unitId", unitId);

    public static async Task<List<LinkedMeasure>> LinkedMeasuresAsync(ReformDbContext db, IQueryable<int> ids,
        CancellationToken cancellationToken) =>
        await db.Measures.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Code)
            .Select(m => new LinkedMeasure(m.Id, m.Code, m.Title)).ToListAsync(cancellationToken);
}

internal sealed record LinkedMeasure(int Id, string Code, string Title);
