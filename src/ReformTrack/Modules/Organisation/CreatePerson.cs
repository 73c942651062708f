using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Organisation;

/// <summary>What a client sends to create or change a person.</summary>
internal sealed record PersonInput(string? Name, int? UnitId, string? Title, string? Email, string? Phone, bool IsLiaison);

internal sealed class CreatePerson(IDbContextFactory<ReformDbContext> dbFactory, GetPerson getPerson)
{
    public async Task<PersonView> RunAsync(PersonInput input, CancellationToken cancellationToken = default)
    {
        var person = Person.New(input.Name, input.Title, input.Email, input.Phone, input.IsLiaison);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            person.UnitId = await ExistingUnitAsync(db, input.UnitId, cancellationToken);
            db.People.Add(person);
            await db.SaveChangesAsync(cancellationToken);
        }

        return await getPerson.RunAsync(person.Id, cancellationToken);
    }

    public static async Task<int> ExistingUnitAsync(ReformDbContext db, int? unitId, CancellationToken cancellationToken)
    {
        var id = Fields.Required(unitId, "unitId");
        return await db.Units.AnyAsync(u => u.Id == id, cancellationToken)
            ? id
            : throw References.Missing("unit", id, "unitId");
    }
}
