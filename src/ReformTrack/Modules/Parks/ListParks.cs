using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Parks;

internal sealed record ParkFilter(int? DistrictUnitId = null, OutputTier? Tier = null, DesignationKind? Designation = null,
    string? Text = null);

internal sealed record ParkRow(int Id, string Name, int DistrictUnitId, string DistrictName, double? AreaKm2,
    string? MainIndustries, double? AnnualOutput, int? OutputYear, OutputTier Tier, IReadOnlyList<DesignationView> Designations);

internal sealed record DesignationView(DesignationKind Kind, DesignationLevel Level, int? Year, string? Title);

/// <summary>Parks in the user's scope, filtered (the tier filter runs in the database) and paged, largest output first.</summary>
internal sealed class ListParks(ScopedDb dbFactory)
{
    public async Task<Page<ParkRow>> RunAsync(ParkFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var parks = await FilterAsync(db, filter, cancellationToken);
        var total = await parks.CountAsync(cancellationToken);
        var rows = await parks.OrderByDescending(p => p.AnnualOutput ?? -1).ThenBy(p => p.Name)
            .Skip(page.Skip).Take(page.Size)
            .Select(p => new
            {
                Park = p,
                District = db.Units.Where(u => u.Id == p.DistrictUnitId).Select(u => u.Name).First(),
            })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Park.Id).ToList();
        var designations = (await db.ParkDesignations.AsNoTracking().Where(d => ids.Contains(d.ParkId)).ToListAsync(cancellationToken))
            .ToLookup(d => d.ParkId);
        var items = rows.Select(r => new ParkRow(r.Park.Id, r.Park.Name, r.Park.DistrictUnitId, r.District, r.Park.AreaKm2,
                r.Park.MainIndustries, r.Park.AnnualOutput, r.Park.OutputYear, r.Park.Tier,
                designations[r.Park.Id].OrderBy(d => d.Level).ThenBy(d => d.Kind).Select(View).ToList()))
            .ToList();
        return new Page<ParkRow>(items, total, page.Number, page.Size);
    }

    public static DesignationView View(ParkDesignation d) => new(d.Kind, d.Level, d.Year, d.Title);

    public static async Task<IQueryable<Park>> FilterAsync(ReformDbContext db, ParkFilter filter, CancellationToken cancellationToken)
    {
        var parks = db.Parks.AsNoTracking();
        if (filter.DistrictUnitId is { } unitId)
        {
            var path = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken)
                       ?? UserScope.Nothing;
            parks = parks.Where(p => db.Units.Any(u => u.Id == p.DistrictUnitId && u.Path.StartsWith(path)));
        }

        if (filter.Tier is { } tier)
        {
            var (from, to) = OutputTierRule.Range(tier);
            parks = tier == OutputTier.Unknown
                ? parks.Where(p => p.AnnualOutput == null)
                : parks.Where(p => p.AnnualOutput != null && p.AnnualOutput >= from && (to == null || p.AnnualOutput < to));
        }

        if (filter.Designation is { } kind)
        {
            parks = parks.Where(p => db.ParkDesignations.Any(d => d.ParkId == p.Id && d.Kind == kind));
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            parks = parks.Where(p => p.Name.Contains(text) || (p.MainIndustries != null && p.MainIndustries.Contains(text)));
        }

        return parks;
    }
}
