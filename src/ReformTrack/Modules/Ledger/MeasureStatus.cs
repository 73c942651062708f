namespace ReformTrack.Modules.Ledger;

/// <summary>
/// draft → active → completed; active ↔ suspended; draft, active or suspended → cancelled
/// (with a reason). Completed and cancelled are final.
/// </summary>
internal enum MeasureStatus
{
    Draft,
    Active,
    Suspended,
    Completed,
    Cancelled,
}
