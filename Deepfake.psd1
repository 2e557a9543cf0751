@{
    # The root module picks the edition's build: Core/ (net8.0) on PowerShell 7.4+, Desktop/ (netstandard2.0)
    # on Windows PowerShell 5.1. See docs/design/powershell.md.
    RootModule           = 'Deepfake.psm1'
    ModuleVersion        = '0.1.0'
    GUID                 = '46e8e070-6b5c-4bef-9d17-f57527fc0111'
    Author               = 'Deepfake contributors'
    CompanyName          = 'Deepfake contributors'
    Copyright            = '(c) Deepfake contributors. All rights reserved.'
    Description          = 'Tells whether face photos are genuine or deepfakes, through the OOTO and Verihubs deepfake-detection APIs or an offline provider that reads what a file declares about its own origin. Typed objects for Where-Object, Export-Csv and scheduled tasks.'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'
    # System.Text.Json 8 and the netstandard2.0 build need .NET Framework 4.7.2 under Windows PowerShell.
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('Deepfake.format.ps1xml')
    TypesToProcess       = @('Deepfake.types.ps1xml')
    FunctionsToExport    = @()
    CmdletsToExport      = @(
        'Invoke-DeepfakeCheck'
        'Get-DeepfakeQuality'
        'Set-DeepfakeCredential'
        'Get-DeepfakeCredential'
        'Remove-DeepfakeCredential'
        'Get-DeepfakeProvider'
        'Set-DeepfakeProvider'
    )
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Deepfake', 'Face', 'Liveness', 'Security', 'OOTO', 'Verihubs', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/deepfake-module/Deepfake'
            LicenseUri   = 'https://github.com/deepfake-module/Deepfake/blob/main/LICENSE'
            ReleaseNotes = 'First release: Invoke-DeepfakeCheck, Get-DeepfakeQuality, credential and provider cmdlets.'
        }
    }
}
