using ReformTrack.Shared;

namespace ReformTrack.Modules.Organisation;

/// <summary>A named person in a unit: a leader, a responsible official, a liaison.</summary>
internal sealed class Person : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int UnitId { get; set; }
    public string? Title { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public bool IsLiaison { get; set; }
    public int Version { get; set; }

    public static Person New(string? name, string? title, string? email, string? phone, bool isLiaison)
    {
        var person = new Person { Name = "" };
        person.Describe(name, title, email, phone, isLiaison);
        return person;
    }

    public void Describe(string? name, string? title, string? email, string? phone, bool isLiaison)
    {
        Name = Fields.Required(name, 100, "name");
        Title = Fields.Optional(title, 100, "title");
        Email = Fields.Optional(email, 200, "email");
        Phone = Fields.Optional(phone, 40, "phone");
        if (Email is not null && (!Email.Contains('@', StringComparison.Ordinal) || Email.StartsWith('@') || Email.EndsWith('@')))
        {
            throw new RuleViolation("EmailLooksLikeAnAddress", "The email must look like name@example.org.", "email");
        }

        IsLiaison = isLiaison;
    }
}
