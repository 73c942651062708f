using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Diffusion;

internal sealed record HonourFilter(int? UnitId = null, GrantLevel? Level = null, HonourCategory? Category = null,
    int? Year = null, string? Text = null);

internal sealed record HonourRow(int Id, string Title, string AwardingBody, GrantLevel Level, int Year, HonourCategory Category,
    int? UnitId, string? UnitName);

/// <summary>Cases and honours of units in the user's scope, newest year first.</summary>
internal sealed class ListHonours(ScopedDb scopedDb)
{
    public async Task<Page<HonourRow>> RunAsync(HonourFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await scopedDb.CreateDbContextAsync(cancellationToken);
        var honours = db.Honours.AsNoTracking();
        if (filter.UnitId is { } unitId)
        {
            var prefix = await DiffusionScope.SubtreeAsync(db, unitId, cancellationToken);
            var subtree = db.Units.Where(u => u.Path.StartsWith(prefix)).Select(u => u.Id);
            honours = honours.Where(h => h.UnitId != null && subtree.Contains(h.UnitId.Value));
        }

        if (filter.Level is { } level)
        {
            honours = honours.Where(h => h.Level == level);
        }

        if (filter.Category is { } category)
        {
            honours = honours.Where(h => h.Category == category);
        }

        if (filter.Year is { } year)
        {
            honours = honours.Where(h => h.Year == year);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            honours = honours.Where(h => h.Title.Contains(text) || h.AwardingBody.Contains(text));
        }

        var total = await honours.CountAsync(cancellationToken);
        var items = await honours.OrderByDescending(h => h.Year).ThenBy(h => h.Title).ThenBy(h => h.Id)
            .Skip(page.Skip).Take(page.Size)
            .Select(h => new HonourRow(h.Id, h.Title, h.AwardingBody, h.Level, h.Year, h.Category, h.UnitId,
                db.Units.Where(u => u.Id == h.UnitId).Select(u => u.Name).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return new Page<HonourRow>(items, total, page.Number, page.Size);
    }
}
