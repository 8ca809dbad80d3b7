"""IMC Desktop: the workstation of a district Information-Methodological Center."""

__version__ = "0.1.0"
APP_NAME = "IMC Desktop"
APP_SLUG = "imc-desktop"
