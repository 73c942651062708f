using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Parks;

internal sealed record DesignationInput(DesignationKind? Kind, DesignationLevel? Level, int? Year, string? Title);

/// <summary>What a client sends to create or change a park. Output is in 亿元 for <c>OutputYear</c>.</summary>
internal sealed record ParkInput(string? Name, int? DistrictUnitId, double? AreaKm2, string? MainIndustries,
    double? AnnualOutput, int? OutputYear, IReadOnlyList<DesignationInput>? Designations);

/// <summary>Creates and changes parks; the district must lie in the user's scope.</summary>
internal sealed class EditPark(ScopedDb dbFactory, GetPark getPark)
{
    public async Task<ParkDetail> CreateAsync(ParkInput input, CancellationToken cancellationToken = default)
    {
        int id;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var park = Park.New(input.Name, input.DistrictUnitId, input.AreaKm2, input.MainIndustries, input.AnnualOutput,
                input.OutputYear);
            await ApplyAsync(db, park, input, cancellationToken);
            db.Parks.Add(park);
            await db.SaveChangesAsync(cancellationToken);
            id = park.Id;
        }

        return await getPark.RunAsync(id, cancellationToken);
    }

    public async Task<ParkDetail> UpdateAsync(int id, int ifMatch, ParkInput input, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var park = await db.Parks.Include(p => p.Designations).FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
                       ?? throw new NotFound("Park", id);
            StaleVersion.Check("Park", id, ifMatch, park.Version);
            park.Describe(input.Name, input.DistrictUnitId, input.AreaKm2, input.MainIndustries, input.AnnualOutput,
                input.OutputYear);
            await ApplyAsync(db, park, input, cancellationToken);
            // A change of designations alone still moves the park's version.
            db.Entry(park).Property(p => p.Version).IsModified = true;
            await db.SaveChangesAsync(cancellationToken);
        }

        return await getPark.RunAsync(id, cancellationToken);
    }

    private static async Task ApplyAsync(ReformDbContext db, Park park, ParkInput input, CancellationToken cancellationToken)
    {
        await ParkReferences.DistrictInScopeAsync(db, park.DistrictUnitId, cancellationToken);
        park.Designate((input.Designations ?? []).Select(d => (
            Fields.Required(d.Kind, "designations"), Fields.Required(d.Level, "designations"), d.Year, d.Title)));
    }
}

internal static class ParkReferences
{
    /// <summary>A district unit the user can see: one outside the user's scope would make the record vanish from them.</summary>
    public static async Task DistrictInScopeAsync(ReformDbContext db, int unitId, CancellationToken cancellationToken)
    {
        var path = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken)
                   ?? throw References.Missing("unit", unitId, "districtUnitId");
        if (db.ScopePath is { } scope && !path.StartsWith(scope, StringComparison.Ordinal))
        {
            throw new RuleViolation("DistrictIsWithinYourScope",
                "You may only place it in a district of your own part of the organisation.", "districtUnitId");
        }
    }
}
