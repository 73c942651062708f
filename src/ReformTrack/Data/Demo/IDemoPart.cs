namespace ReformTrack.Data;

/// <summary>
/// A module's share of the Fuzhou demo programme, loaded after the units, documents and measures
/// (which it finds in the database by code or title). Parts run in <see cref="Order"/> within the
/// demo's one transaction; a part sees what earlier parts saved. Dates are fixed, never the current time.
/// </summary>
internal interface IDemoPart
{
    /// <summary>Lower runs first: diffusion 10, chronicle 20, supervision 30, appraisal 40, indicators 50, portal 60.</summary>
    int Order { get; }

    /// <summary>Adds the part's data and returns a short summary ("12 pilots, 102 innovations").</summary>
    Task<string> SeedAsync(ReformDbContext db, CancellationToken cancellationToken);
}
