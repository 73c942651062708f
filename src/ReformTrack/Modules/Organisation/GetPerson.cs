using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Organisation;

internal sealed class GetPerson(IDbContextFactory<ReformDbContext> dbFactory)
{
    public async Task<PersonView> RunAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.People.AsNoTracking().Where(p => p.Id == id)
                   .Select(p => new PersonView(p.Id, p.Name, p.UnitId,
                       db.Units.Where(u => u.Id == p.UnitId).Select(u => u.Name).First(),
                       p.Title, p.Email, p.Phone, p.IsLiaison, p.Version))
                   .FirstOrDefaultAsync(cancellationToken)
               ?? throw new NotFound("Person", id);
    }
}
