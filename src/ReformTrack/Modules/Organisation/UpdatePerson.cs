using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Organisation;

internal sealed class UpdatePerson(IDbContextFactory<ReformDbContext> dbFactory, GetPerson getPerson)
{
    public async Task<PersonView> RunAsync(int id, int ifMatch, PersonInput input, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
                         ?? throw new NotFound("Person", id);
            StaleVersion.Check("Person", id, ifMatch, person.Version);
            person.Describe(input.Name, input.Title, input.Email, input.Phone, input.IsLiaison);
            person.UnitId = await CreatePerson.ExistingUnitAsync(db, input.UnitId, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return await getPerson.RunAsync(id, cancellationToken);
    }
}
