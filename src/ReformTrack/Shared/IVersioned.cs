namespace ReformTrack.Shared;

/// <summary>
/// An entity edited by people through the API or UI. <see cref="Version"/> is the optimistic
/// concurrency token and the ETag: every save that changes the row increments it.
/// </summary>
internal interface IVersioned
{
    int Version { get; set; }
}
