/**
 * "At risk" in the SLA badges and clocks. Mantine's darkest orange (orange.9, #d9480f) reaches
 * only 3.9:1 against white, as text on white or white on it — below WCAG AA's 4.5:1, which axe
 * found once demo tickets came into their warning time. This burnt orange reads as orange at 6.8:1.
 */
export const atRiskColor = '#9c3d00';
