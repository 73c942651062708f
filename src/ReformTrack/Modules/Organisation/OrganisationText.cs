using Microsoft.Extensions.Localization;

namespace ReformTrack.Modules.Organisation;

/// <summary>The Organisation pages' strings; <c>OrganisationText.zh-CN.resx</c> holds the Chinese.</summary>
public sealed class OrganisationText;

internal static class OrganisationTextExtensions
{
    public static string Kind(this IStringLocalizer<OrganisationText> text, UnitKind kind) => text[kind switch
    {
        UnitKind.Commission => "Commission",
        UnitKind.WorkingGroup => "Working group",
        UnitKind.Office => "Reform office",
        UnitKind.DistrictOffice => "District or county reform office",
        UnitKind.Department => "Department",
        UnitKind.Park => "Park",
        _ => "Enterprise",
    }];
}
