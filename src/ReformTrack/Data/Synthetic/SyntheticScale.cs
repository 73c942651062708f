namespace ReformTrack.Data.Synthetic;

/// <summary>
/// How big a synthetic programme is. <c>city</c> is one city (unit tree four levels deep);
/// <c>province</c> is a province of cities with their districts, parks and enterprises
/// (five levels deep).
/// </summary>
/// <param name="Cities">0: the root is a city's own commission; otherwise the number of cities under the province.</param>
/// <param name="ReportMonthsFactor">Stretches measure durations, and with them the number of monthly reports.</param>
/// <param name="Clusters">Industrial clusters, each with three industrial chains over the parks.</param>
internal sealed record SyntheticScale(
    string Name,
    int Cities,
    int ProvincialDepartments,
    int CityDepartments,
    int DistrictsPerCity,
    int Measures,
    int Documents,
    int Aspects,
    double ReportMonthsFactor,
    int Pilots,
    int Innovations,
    int Honours,
    int Indicators,
    int Clusters)
{
    public static readonly SyntheticScale City = new("city", Cities: 0, ProvincialDepartments: 0, CityDepartments: 32,
        DistrictsPerCity: 12, Measures: 2_000, Documents: 60, Aspects: 4, ReportMonthsFactor: 1.0,
        Pilots: 30, Innovations: 40, Honours: 45, Indicators: 12, Clusters: 2);

    public static readonly SyntheticScale Province = new("province", Cities: 11, ProvincialDepartments: 35,
        CityDepartments: 28, DistrictsPerCity: 10, Measures: 200_000, Documents: 2_400, Aspects: 6, ReportMonthsFactor: 0.87,
        Pilots: 480, Innovations: 900, Honours: 720, Indicators: 120, Clusters: 6);

    public static IReadOnlyList<SyntheticScale> All { get; } = [City, Province];

    public static SyntheticScale? Find(string? name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
