package org.carebridge.directory;

/** Diagnostic equipment that appointments may need. */
public enum EquipmentType {
    ULTRASOUND,
    ECG,
    X_RAY,
    CT_SCANNER,
    SPIROMETER,
    FUNDUS_CAMERA,
    DIALYSIS_MACHINE
}
