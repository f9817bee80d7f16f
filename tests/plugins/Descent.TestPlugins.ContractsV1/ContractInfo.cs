namespace Descent.Contracts;

/// <summary>ContractInfo as contract 1.0 had it.</summary>
public static class ContractInfo
{
    public const int Major = 1;

    public const int Minor = 0;

    public const string Version = "1.0";
}
