using ReformTrack.Shared;

namespace ReformTrack.Modules.Chronicle;

/// <summary>How exactly an event's date is known: a chronicle often has only the month or the year.</summary>
internal enum DatePrecision
{
    Day,
    Month,
    Year,
}

/// <summary>
/// One entry of the chronicle (大事记): recorded by hand, or derived from a module's records under
/// the fact's <see cref="Key"/>. A derived event the office deletes stays as a suppressed tombstone,
/// so deriving again does not bring it back; an edit is never overwritten, because deriving only adds.
/// </summary>
internal sealed class ChronicleEvent : IVersioned
{
    public const int TitleMaxLength = 300;
    public const int DescriptionMaxLength = 4000;
    public const int KeyMaxLength = 100;

    public int Id { get; set; }
    public DateOnly Date { get; private set; }
    public DatePrecision Precision { get; private set; }
    public string Title { get; private set; } = "";
    public ChronicleCategory Category { get; private set; }
    public string? Description { get; private set; }
    public int? UnitId { get; private set; }

    /// <summary>Shown on the public portal. Derived events start unpublished: the office decides what the public reads.</summary>
    public bool Published { get; private set; }

    /// <summary>The derived fact's key ("document-passed:12"); null for an event recorded by hand.</summary>
    public string? Key { get; private set; }

    /// <summary>A derived event the office deleted: kept only so that deriving again does not restore it.</summary>
    public bool Suppressed { get; private set; }

    public int Version { get; set; }
    public List<ChronicleLink> Links { get; set; } = [];

    public bool Derived => Key is not null;

    public static ChronicleEvent Record(DateOnly? date, DatePrecision? precision, string? title, ChronicleCategory? category,
        string? description, int? unitId, bool published, IEnumerable<(string? Kind, int? Id)>? links)
    {
        var entry = new ChronicleEvent();
        entry.Describe(date, precision, title, category, description, unitId, published, links);
        return entry;
    }

    public static ChronicleEvent From(ChronicleFact fact)
    {
        if (string.IsNullOrWhiteSpace(fact.Key) || fact.Key.Length > KeyMaxLength)
        {
            throw new ArgumentException($"A chronicle fact needs a key of at most {KeyMaxLength} characters.", nameof(fact));
        }

        var entry = new ChronicleEvent { Key = fact.Key };
        var title = fact.Title.Length > TitleMaxLength ? fact.Title[..TitleMaxLength] : fact.Title;
        entry.Describe(fact.Date, DatePrecision.Day, title, fact.Category, null, fact.UnitId, published: false,
            [(fact.LinkKind, fact.LinkId)]);
        return entry;
    }

    /// <summary>Sets everything the office may change; a derived event keeps its key, so the edit sticks.</summary>
    public void Describe(DateOnly? date, DatePrecision? precision, string? title, ChronicleCategory? category,
        string? description, int? unitId, bool published, IEnumerable<(string? Kind, int? Id)>? links)
    {
        var day = Fields.Required(date, "date");
        Precision = precision ?? DatePrecision.Day;
        // A month or a year is stored as its first day, so events sort the same whatever their precision.
        Date = Precision switch
        {
            DatePrecision.Year => new DateOnly(day.Year, 1, 1),
            DatePrecision.Month => new DateOnly(day.Year, day.Month, 1),
            _ => day,
        };
        Title = Fields.Required(title, TitleMaxLength, "title");
        Category = Fields.Required(category, "category");
        Description = Fields.Optional(description, DescriptionMaxLength, "description");
        UnitId = unitId;
        Published = published;
        Relink(links ?? []);
    }

    public void Publish(bool published) => Published = published;

    /// <summary>A derived event becomes a tombstone; the caller removes an event recorded by hand.</summary>
    public void Suppress()
    {
        Suppressed = true;
        Published = false;
    }

    private void Relink(IEnumerable<(string? Kind, int? Id)> links)
    {
        var wanted = new List<(string Kind, int Id)>();
        foreach (var (kind, id) in links)
        {
            var k = kind?.Trim().ToLowerInvariant();
            if (k is null || !ChronicleLink.Kinds.Contains(k))
            {
                throw new RuleViolation("ChronicleLinkKindIsKnown",
                    $"A link points to one of: {string.Join(", ", ChronicleLink.Kinds)}.", "links", string.Join(", ", ChronicleLink.Kinds));
            }

            var target = Fields.Required(id, "links");
            if (!wanted.Contains((k, target)))
            {
                wanted.Add((k, target));
            }
        }

        Links.RemoveAll(l => !wanted.Contains((l.Kind, l.TargetId)));
        foreach (var (kind, id) in wanted.Where(w => !Links.Exists(l => l.Kind == w.Kind && l.TargetId == w.Id)))
        {
            Links.Add(new ChronicleLink { Kind = kind, TargetId = id });
        }
    }
}

/// <summary>What a chronicle event points to: a document, meeting, measure, pilot, innovation, case or unit, by id.</summary>
internal sealed class ChronicleLink
{
    public static readonly string[] Kinds = ["document", "meeting", "measure", "pilot", "innovation", "case", "unit"];

    public int Id { get; set; }
    public int EventId { get; set; }
    public required string Kind { get; set; }
    public int TargetId { get; set; }
}
