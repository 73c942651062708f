namespace ReformTrack.Shared;

/// <summary>
/// What spread from a unit's work in a period: pilots granted to it, cases and honours it won,
/// and replications of the innovations it pioneered. Implemented by the diffusion module and read
/// by the appraisal engine for its bonus criteria; every figure is a query over recorded events.
/// </summary>
internal interface IUnitDistinctions
{
    /// <summary>
    /// Counts for each given unit, taking in the units beneath it (by tree path). Events count when
    /// their date (grant date, award year, replication date) falls in <paramref name="from"/>..<paramref name="to"/>
    /// inclusive. A unit with nothing gets zeros. One set-based query per kind, whatever the number of units.
    /// </summary>
    Task<IReadOnlyDictionary<int, DistinctionCounts>> CountAsync(
        IReadOnlyCollection<int> unitIds, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>The events behind one unit's counts, for drill-down, newest first.</summary>
    Task<IReadOnlyList<Distinction>> ListAsync(int unitId, DateOnly from, DateOnly to, CancellationToken cancellationToken);
}

internal sealed record DistinctionCounts(int PilotsGranted, int CasesWon, int Replications)
{
    public static readonly DistinctionCounts None = new(0, 0, 0);
}

internal enum DistinctionKind
{
    PilotGranted,
    CaseWon,
    Replication,
}

/// <param name="Id">The pilot, case or replication id.</param>
/// <param name="Level">national, provincial, municipal, county ... as the diffusion module records it.</param>
internal sealed record Distinction(DistinctionKind Kind, int Id, string Title, DateOnly Date, string Level);
