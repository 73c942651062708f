using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Diffusion;

internal sealed record InnovationFilter(int? UnitId = null, int? Year = null, string? Text = null, bool? Replicated = null);

internal sealed record InnovationRow(int Id, string Title, int OriginUnitId, string OriginName, DateOnly FirstIntroducedOn,
    int Replications, int NationReplications, int ProvinceReplications);

/// <summary>Innovations whose origin lies in the user's scope, newest first.</summary>
internal sealed class ListInnovations(ScopedDb scopedDb)
{
    public async Task<Page<InnovationRow>> RunAsync(InnovationFilter filter, PageRequest page,
        CancellationToken cancellationToken = default)
    {
        await using var db = await scopedDb.CreateDbContextAsync(cancellationToken);
        var innovations = db.Innovations.AsNoTracking();
        if (filter.UnitId is { } unitId)
        {
            var prefix = await DiffusionScope.SubtreeAsync(db, unitId, cancellationToken);
            var subtree = db.Units.Where(u => u.Path.StartsWith(prefix)).Select(u => u.Id);
            innovations = innovations.Where(i => subtree.Contains(i.OriginUnitId));
        }

        if (filter.Year is { } year)
        {
            if (year is < 1900 or > 2999)
            {
                throw new RuleViolation("YearIsACalendarYear", "The year is a calendar year such as 2016.", "year");
            }

            var from = new DateOnly(year, 1, 1);
            var to = from.AddYears(1);
            innovations = innovations.Where(i => i.FirstIntroducedOn >= from && i.FirstIntroducedOn < to);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            innovations = innovations.Where(i => i.Title.Contains(text));
        }

        if (filter.Replicated is { } replicated)
        {
            innovations = innovations.Where(i => i.Replications.Any() == replicated);
        }

        var total = await innovations.CountAsync(cancellationToken);
        var items = await innovations
            .OrderByDescending(i => i.FirstIntroducedOn).ThenBy(i => i.Id)
            .Skip(page.Skip).Take(page.Size)
            .Select(i => new InnovationRow(i.Id, i.Title, i.OriginUnitId,
                db.Units.Where(u => u.Id == i.OriginUnitId).Select(u => u.Name).First(),
                i.FirstIntroducedOn, i.Replications.Count,
                i.Replications.Count(r => r.Level == ReplicationLevel.Nation),
                i.Replications.Count(r => r.Level == ReplicationLevel.Province)))
            .ToListAsync(cancellationToken);
        return new Page<InnovationRow>(items, total, page.Number, page.Size);
    }
}
