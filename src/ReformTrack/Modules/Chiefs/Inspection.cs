using ReformTrack.Shared;

namespace ReformTrack.Modules.Chiefs;

/// <summary>A chief's (or an inspector's) visit to the object of an assignment, with what was found.</summary>
internal sealed class Inspection : IVersioned
{
    public int Id { get; set; }
    public int AssignmentId { get; set; }
    public DateOnly OnDate { get; set; }
    public required string Inspector { get; set; }
    public required string Findings { get; set; }
    public int Version { get; set; }

    public static Inspection New(int assignmentId, DateOnly? onDate, string? inspector, string? findings, DateOnly today)
    {
        var date = Fields.Required(onDate, "onDate");
        if (date > today)
        {
            throw new RuleViolation("InspectionIsNotInTheFuture", "An inspection is recorded once it has taken place.", "onDate");
        }

        return new Inspection
        {
            AssignmentId = assignmentId,
            OnDate = date,
            Inspector = Fields.Required(inspector, 100, "inspector"),
            Findings = Fields.Required(findings, 4000, "findings"),
        };
    }
}

/// <summary>
/// A photo (or scan) attached to an inspection as evidence, stored in the database. Only a few
/// image types are taken, checked by their first bytes as well as their declared type.
/// </summary>
internal sealed class EvidenceFile
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public static readonly IReadOnlyDictionary<string, byte[][]> Signatures = new Dictionary<string, byte[][]>
    {
        ["image/jpeg"] = [[0xFF, 0xD8, 0xFF]],
        ["image/png"] = [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]],
        ["image/webp"] = [[0x52, 0x49, 0x46, 0x46]],
        ["application/pdf"] = [[0x25, 0x50, 0x44, 0x46]],
    };

    public int Id { get; set; }
    public int InspectionId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required byte[] Content { get; set; }
    public DateTime UploadedAt { get; set; }
    public required string UploadedBy { get; set; }

    /// <summary>Throws when a file of <paramref name="length"/> bytes is over the limit, before it is read.</summary>
    public static void CheckLength(long length, string field)
    {
        if (length > MaxBytes)
        {
            throw new RuleViolation("EvidenceFileFitsTheSizeLimit",
                $"A file is at most {MaxBytes / (1024 * 1024)} MB.", field, MaxBytes / (1024 * 1024));
        }
    }

    /// <summary>Checks size and type before anything is stored; <paramref name="field"/> names the form field.</summary>
    public static EvidenceFile Accept(int inspectionId, string? fileName, string? contentType, byte[] content, DateTime now,
        string by, string field)
    {
        if (content.Length == 0)
        {
            throw new RuleViolation("EvidenceFileIsNotEmpty", "The file is empty.", field);
        }

        CheckLength(content.Length, field);

        var type = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (!Signatures.TryGetValue(type, out var signatures)
            || !signatures.Any(s => content.AsSpan().StartsWith(s)))
        {
            throw new RuleViolation("EvidenceFileIsAPhotoOrPdf",
                "A file must be a JPEG, PNG or WebP photo or a PDF.", field);
        }

        var name = Path.GetFileName(string.IsNullOrWhiteSpace(fileName) ? "evidence" : fileName.Trim());
        return new EvidenceFile
        {
            InspectionId = inspectionId,
            FileName = name.Length > 200 ? name[^200..] : name,
            ContentType = type,
            Length = content.Length,
            Content = content,
            UploadedAt = now,
            UploadedBy = by,
        };
    }
}
