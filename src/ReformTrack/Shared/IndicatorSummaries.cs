namespace ReformTrack.Shared;

/// <summary>
/// Indicators as other modules may read them, by id: what the indicator is, where it stands today
/// and its status. Implemented by the indicators module on the user's scoped context, so an
/// indicator outside the user's scope (or one that no longer exists) is simply not returned.
/// </summary>
internal interface IIndicatorSummaries
{
    /// <summary>The given indicators the user may see, in code order.</summary>
    Task<IReadOnlyList<IndicatorSummary>> GetAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken);

    /// <summary>Of the given ids, those of indicators the user may see.</summary>
    Task<IReadOnlyList<int>> VisibleAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> indicators whose code or name contains <paramref name="text"/>, in code order.</summary>
    Task<IReadOnlyList<IndicatorChoice>> SearchAsync(string? text, int max, CancellationToken cancellationToken);
}

/// <summary>An indicator to pick in a form.</summary>
internal sealed record IndicatorChoice(int Id, string Code, string Name);

/// <param name="Status">The indicator's status today by name: OnTrack, AtRisk, OffTrack or NoData.</param>
/// <param name="Sparkline">The baseline and the observed values after it, oldest first.</param>
internal sealed record IndicatorSummary(
    int Id,
    string Code,
    string Name,
    string UnitOfMeasure,
    double? LatestValue,
    DateOnly? LatestOn,
    double TargetValue,
    DateOnly TargetOn,
    string Status,
    IReadOnlyList<double> Sparkline);
