using ReformTrack.Shared;

namespace ReformTrack.Modules.Diffusion;

internal enum HonourCategory
{
    TypicalCase,
    Award,
    DemonstrationCity,
    DemonstrationZone,
    Other,
}

/// <summary>
/// A case or honour (典型案例、荣誉): a recognition at a level and year, linked to the measure,
/// innovation, pilot or unit it recognises. <see cref="UnitId"/> is the unit it belongs to, taken
/// from the linked record when not given; it decides who sees the honour.
/// </summary>
internal sealed class Honour : IVersioned
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public required string AwardingBody { get; set; }
    public GrantLevel Level { get; set; }
    public int Year { get; set; }
    public HonourCategory Category { get; set; }
    public int? UnitId { get; set; }
    public int? MeasureId { get; set; }
    public int? InnovationId { get; set; }
    public int? PilotId { get; set; }
    public string? Description { get; set; }

    /// <summary>Shown on the public portal. A new case or honour starts unpublished: the office decides what the public reads.</summary>
    public bool Published { get; private set; }

    public int Version { get; set; }

    public void Publish(bool published) => Published = published;

    public static Honour New(HonourDescription description)
    {
        var honour = new Honour { Title = "", AwardingBody = "" };
        honour.Describe(description);
        return honour;
    }

    public void Describe(HonourDescription d)
    {
        Title = Fields.Required(d.Title, 300, "title");
        AwardingBody = Fields.Required(d.AwardingBody, 200, "awardingBody");
        Level = Fields.Required(d.Level, "level");
        Year = Fields.Required(d.Year, "year");
        if (Year is < 1949 or > 2999)
        {
            throw new RuleViolation("YearIsACalendarYear", "The year is a calendar year such as 2016.", "year");
        }

        Category = Fields.Required(d.Category, "category");
        UnitId = d.UnitId;
        MeasureId = d.MeasureId;
        InnovationId = d.InnovationId;
        PilotId = d.PilotId;
        if (UnitId is null && MeasureId is null && InnovationId is null && PilotId is null)
        {
            throw new RuleViolation("HonourRecognisesSomething",
                "A case or honour is linked to a measure, an innovation, a pilot or a unit.", "unitId");
        }

        Description = Fields.Optional(d.Description, 2000, "description");
    }
}

internal sealed record HonourDescription(
    string? Title,
    string? AwardingBody,
    GrantLevel? Level,
    int? Year,
    HonourCategory? Category,
    int? UnitId,
    int? MeasureId,
    int? InnovationId,
    int? PilotId,
    string? Description);
