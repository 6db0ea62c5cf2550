namespace Admin.Domain.Scopes;

/// <summary>
/// A data field of the catalogue that a key may receive. Retired scopes stay in the catalogue because
/// historic authorizations reference them, but new requests cannot ask for them.
/// </summary>
public sealed class Scope
{
    private Scope() { }

    public Scope(ScopeCode code, string providerCode, string providerName, bool isRetired)
    {
        Code = code.Value;
        ProviderCode = providerCode;
        ProviderName = providerName;
        IsRetired = isRetired;
    }

    public string Code { get; private set; } = "";
    public string ProviderCode { get; private set; } = "";
    public string ProviderName { get; private set; } = "";
    public bool IsRetired { get; private set; }

    public void Retire() => IsRetired = true;
}
