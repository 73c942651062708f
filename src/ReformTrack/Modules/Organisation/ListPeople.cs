using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Organisation;

internal sealed record PersonView(int Id, string Name, int UnitId, string UnitName, string? Title, string? Email,
    string? Phone, bool IsLiaison, int Version);

/// <summary>The people of a unit (or everyone), by name.</summary>
internal sealed class ListPeople(IDbContextFactory<ReformDbContext> dbFactory)
{
    public async Task<Page<PersonView>> RunAsync(int? unitId, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var people = db.People.AsNoTracking();
        if (unitId is { } id)
        {
            people = people.Where(p => p.UnitId == id);
        }

        var total = await people.CountAsync(cancellationToken);
        var items = await people.OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Skip(page.Skip).Take(page.Size)
            .Select(p => new PersonView(p.Id, p.Name, p.UnitId,
                db.Units.Where(u => u.Id == p.UnitId).Select(u => u.Name).First(),
                p.Title, p.Email, p.Phone, p.IsLiaison, p.Version))
            .ToListAsync(cancellationToken);
        return new Page<PersonView>(items, total, page.Number, page.Size);
    }
}
