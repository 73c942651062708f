using ReformTrack.Shared;

namespace ReformTrack.Modules.Parks;

internal enum DesignationKind
{
    /// <summary>National new-industrialisation industry demonstration base (国家新型工业化产业示范基地).</summary>
    NewIndustrialisationBase,
    HighTechZone,
    EconomicDevelopmentZone,
    Other,
}

internal enum DesignationLevel
{
    National,
    Provincial,
    Municipal,
}

/// <summary>A title a park holds, such as a national new-industrialisation demonstration base.</summary>
internal sealed class ParkDesignation
{
    public int Id { get; set; }
    public int ParkId { get; set; }
    public DesignationKind Kind { get; set; }
    public DesignationLevel Level { get; set; }
    public int? Year { get; set; }
    public string? Title { get; set; }
}

/// <summary>
/// An industrial park in a district (a unit of the organisation, by id). Its tier is computed
/// from its annual output (<see cref="OutputTierRule"/>); output is in 亿元 for the year <see cref="OutputYear"/>.
/// </summary>
internal sealed class Park : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int DistrictUnitId { get; set; }

    /// <summary>Planned area in square kilometres.</summary>
    public double? AreaKm2 { get; set; }

    public string? MainIndustries { get; set; }

    /// <summary>Annual industrial output in 亿元 (100 million yuan).</summary>
    public double? AnnualOutput { get; set; }

    public int? OutputYear { get; set; }
    public List<ParkDesignation> Designations { get; set; } = [];
    public int Version { get; set; }

    public OutputTier Tier => OutputTierRule.Of(AnnualOutput);

    public static Park New(string? name, int? districtUnitId, double? areaKm2, string? mainIndustries, double? annualOutput,
        int? outputYear)
    {
        var park = new Park { Name = "" };
        park.Describe(name, districtUnitId, areaKm2, mainIndustries, annualOutput, outputYear);
        return park;
    }

    public void Describe(string? name, int? districtUnitId, double? areaKm2, string? mainIndustries, double? annualOutput,
        int? outputYear)
    {
        Name = Fields.Required(name, 200, "name");
        DistrictUnitId = Fields.Required(districtUnitId, "districtUnitId");
        MainIndustries = Fields.Optional(mainIndustries, 500, "mainIndustries");
        if (areaKm2 is < 0)
        {
            throw new RuleViolation("ParkFiguresAreNotNegative", "The figure cannot be negative.", "areaKm2");
        }

        if (annualOutput is < 0)
        {
            throw new RuleViolation("ParkFiguresAreNotNegative", "The figure cannot be negative.", "annualOutput");
        }

        if (annualOutput is not null && outputYear is null)
        {
            throw new RuleViolation("ParkOutputHasItsYear", "Give the year the annual output is for.", "outputYear");
        }

        if (outputYear is < 1949 or > 2999)
        {
            throw new RuleViolation("ParkOutputHasItsYear", "Give the year the annual output is for.", "outputYear");
        }

        AreaKm2 = areaKm2;
        AnnualOutput = annualOutput;
        OutputYear = annualOutput is null ? null : outputYear;
    }

    public void Designate(IEnumerable<(DesignationKind Kind, DesignationLevel Level, int? Year, string? Title)> designations)
    {
        var list = designations.ToList();
        if (list.GroupBy(d => (d.Kind, d.Level)).Any(g => g.Count() > 1))
        {
            throw new RuleViolation("ParkDesignationIsListedOnce", "A designation is listed once per level.", "designations");
        }

        Designations.RemoveAll(d => !list.Any(n => n.Kind == d.Kind && n.Level == d.Level));
        foreach (var (kind, level, year, title) in list)
        {
            var existing = Designations.FirstOrDefault(d => d.Kind == kind && d.Level == level);
            if (existing is null)
            {
                existing = new ParkDesignation { Kind = kind, Level = level };
                Designations.Add(existing);
            }

            existing.Year = year;
            existing.Title = Fields.Optional(title, 200, "designations");
        }
    }
}
