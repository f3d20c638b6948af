import { Group, Image, Text } from '@mantine/core';
import { useBranding } from '../api/branding.ts';

/** The MSP's logo and name in its accent colour, as the app's header shows them. */
export function BrandMark() {
  const branding = useBranding();
  return (
    <Group gap="xs" wrap="nowrap">
      {branding.logoUrl && <Image src={branding.logoUrl} alt="" h={28} w="auto" fit="contain" />}
      <Text fw={700} size="lg" c={`${branding.accentColor}.8`} lineClamp={1}>
        {branding.name}
      </Text>
    </Group>
  );
}
